package fr.dataterritoires.datasetsearch.domain;

/** The finest territorial unit the data is broken down by (data.gouv.fr "granularité spatiale"). */
public enum Granularity {
    IRIS, QPV, COMMUNE, EPCI, DEPARTEMENT, REGION, NATIONAL,
    /** Points, parcels, other units that are no administrative level. */
    OTHER,
    /** Not declared by the source. */
    UNKNOWN;

    /** Whether the data is broken down at commune level or finer, so it says something about every commune it covers. */
    public boolean isCommuneOrFiner() {
        return this == IRIS || this == QPV || this == COMMUNE || this == OTHER;
    }
}
