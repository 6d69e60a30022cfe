package fr.dataterritoires.portal.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The multi-select facets of the dataset search: the name dataset-search gives the counts, the query parameter it
 * filters on (repeated for several values: either), and the French legend shown above the checkboxes.
 */
public enum SearchFacet {
    ACCESS_LEVELS("accessLevels", "accessLevel", "Niveau d'accès"),
    THEMES("themes", "theme", "Thème"),
    PRODUCER_TYPES("producerTypes", "producerType", "Type de producteur"),
    ORGANISATIONS("organisations", "organisation", "Producteur"),
    FORMATS("formats", "format", "Format"),
    LICENCES("licences", "licence", "Licence"),
    SCHEMAS("schemas", "schema", "Schéma de données");

    private final String countsName;
    private final String parameter;
    private final String legend;

    SearchFacet(String countsName, String parameter, String legend) {
        this.countsName = countsName;
        this.parameter = parameter;
        this.legend = legend;
    }

    public String countsName() {
        return countsName;
    }

    public String parameter() {
        return parameter;
    }

    public String legend() {
        return legend;
    }

    public static Optional<SearchFacet> byParameter(String parameter) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(parameter)).findFirst();
    }
}
