package fr.dataterritoires.exchanges.domain;

/** The two sides of French public administration an exchange must cross. */
public enum Side {
    /** State services, ministries, State operators. */
    STATE,
    /** Local authorities (collectivités territoriales) and their groupings. */
    TERRITORIAL
}
