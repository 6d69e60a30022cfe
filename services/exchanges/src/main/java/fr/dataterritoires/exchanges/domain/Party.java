package fr.dataterritoires.exchanges.domain;

/** The three parties of an exchange agreement. */
public enum Party {
    AGENT,
    EMPLOYER,
    HOST
}
