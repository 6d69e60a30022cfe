package fr.dataterritoires.exchanges.domain;

/** Where the guest works: at the host's place, remotely, or both. */
public enum WorkMode {
    ON_SITE,
    REMOTE,
    HYBRID
}
