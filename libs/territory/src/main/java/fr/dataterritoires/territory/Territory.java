package fr.dataterritoires.territory;

/** A current territory of the official geographic code (COG) at one of the levels held in {@link Territories}. */
public sealed interface Territory permits National, Region, Departement, Epci, Commune {

    /** INSEE code (SIREN for an EPCI, "FR" for the national level). */
    String code();

    /** Official name, with its accents. */
    String name();

    TerritoryLevel level();

    /** Population municipale (INSEE légal population), summed over communes above the commune level. */
    long population();
}
