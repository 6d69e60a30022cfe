package fr.dataterritoires.datasetsearch.integration.harvest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * Recognises the territories sources name: udata zone ids ({@code fr:commune:38185@1942-01-01}), INSEE geography
 * URIs ({@code http://id.insee.fr/geo/commune/38185}), the EU country URI of France, and plain names when they name
 * exactly one territory. A code that is no current territory is dropped (or replaced by its successor commune).
 */
public final class TerritoryResolver {

    private static final Pattern UDATA_ZONE = Pattern.compile(
            "(?i)\\bfr:(commune|epci|departement|region|iris|arrondissement|canton):([0-9][0-9AB]*|2[AB][0-9]*)");
    private static final Pattern INSEE_URI = Pattern.compile(
            "(?i)id\\.insee\\.fr/geo/(commune|communes|departement|departements|region|regions|arrondissementmunicipal"
                    + "|arrondissementMunicipal|iris|intercommunalite|epci)/([0-9AB]+)");
    private static final Pattern FRANCE = Pattern.compile(
            "(?i)^(country:fr|.*/authority/country/FRA|.*id\\.insee\\.fr/geo/pays/france|.*geonames\\.org/3017382/?.*"
                    + "|france|fr|france entiere|france métropolitaine|france metropolitaine)$");

    /** ISO 3166 alpha-3 codes of the overseas départements, as ISO 19139 records of the Géoplateforme use. */
    private static final java.util.Map<String, String> OVERSEAS = java.util.Map.of("GLP", "971", "MTQ", "972",
            "GUF", "973", "REU", "974", "MYT", "976");

    private TerritoryResolver() {
    }

    /** A territory named by a zone id, an INSEE URI or a name; empty when none is recognised for sure. */
    public static Optional<TerritoryRef> resolve(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (FRANCE.matcher(v).matches()) {
            return Optional.of(TerritoryRef.NATIONAL);
        }
        String overseas = OVERSEAS.get(v.toUpperCase(java.util.Locale.ROOT));
        if (overseas != null) {
            return ofCode("departement", overseas);
        }
        if (v.equalsIgnoreCase("FXX") || v.equalsIgnoreCase("FRA")) {
            return Optional.of(TerritoryRef.NATIONAL);
        }
        Matcher zone = UDATA_ZONE.matcher(v);
        if (zone.find()) {
            return ofCode(zone.group(1), zone.group(2));
        }
        Matcher insee = INSEE_URI.matcher(v);
        if (insee.find()) {
            return ofCode(insee.group(1), insee.group(2));
        }
        if (v.contains("://") || v.contains(":")) {
            return Optional.empty();
        }
        return byName(v);
    }

    private static Optional<TerritoryRef> ofCode(String kind, String code) {
        String k = kind.toLowerCase(java.util.Locale.ROOT);
        TerritoryLevel level;
        if (k.startsWith("commune") || k.startsWith("arrondissementmunicipal")) {
            level = TerritoryLevel.COMMUNE;
        } else if (k.startsWith("epci") || k.startsWith("intercommunalite")) {
            level = TerritoryLevel.EPCI;
        } else if (k.startsWith("departement")) {
            level = TerritoryLevel.DEPARTEMENT;
        } else if (k.startsWith("region")) {
            level = TerritoryLevel.REGION;
        } else if (k.equals("iris")) {
            level = TerritoryLevel.IRIS;
        } else {
            return Optional.empty();
        }
        String upper = code.toUpperCase(java.util.Locale.ROOT);
        if (!level.matchesSyntax(upper)) {
            return Optional.empty();
        }
        Territories territories = Territories.get();
        if (level == TerritoryLevel.IRIS) {
            return Optional.of(new TerritoryRef(level, upper));
        }
        if (territories.find(level, upper).isPresent()) {
            return Optional.of(new TerritoryRef(level, upper));
        }
        if (level == TerritoryLevel.COMMUNE) {
            return territories.successorOf(upper).map(c -> new TerritoryRef(TerritoryLevel.COMMUNE, c.code()));
        }
        return Optional.empty();
    }

    /** A name that matches exactly one territory's name (ignoring case and accents). */
    static Optional<TerritoryRef> byName(String name) {
        String folded = Vocabularies.fold(name).replaceAll("[^a-z0-9]+", " ").strip();
        if (folded.isEmpty() || folded.length() > 80) {
            return Optional.empty();
        }
        List<Territory> found = Territories.get().search(name, 5).stream()
                .filter(t -> Vocabularies.fold(t.name()).replaceAll("[^a-z0-9]+", " ").strip().equals(folded))
                .toList();
        if (found.size() != 1) {
            return Optional.empty();
        }
        Territory t = found.get(0);
        return Optional.of(new TerritoryRef(t.level(), t.code()));
    }

    /** udata granularity ids ("fr:commune", "country", "other"...). */
    public static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.UNKNOWN;
        }
        String v = Vocabularies.fold(value.strip());
        if (v.contains("iris")) {
            return Granularity.IRIS;
        }
        if (v.contains("commune")) {
            return Granularity.COMMUNE;
        }
        if (v.contains("epci") || v.contains("intercommunalite")) {
            return Granularity.EPCI;
        }
        if (v.contains("departement")) {
            return Granularity.DEPARTEMENT;
        }
        if (v.contains("region")) {
            return Granularity.REGION;
        }
        if (v.equals("country") || v.contains("national") || v.equals("fr")) {
            return Granularity.NATIONAL;
        }
        if (v.equals("other") || v.contains("poi") || v.contains("point")) {
            return Granularity.OTHER;
        }
        return Granularity.UNKNOWN;
    }
}
