package fr.dataterritoires.datasetsearch.domain;

/** How a dataset can be obtained: the catalogue lists datasets whatever their access level [R6-R10]. */
public enum AccessLevel {
    /** Open data, downloadable by anyone under an open licence. */
    OPEN("ouvert"),
    /** Shared with the members of a data space (espace commun de données). */
    SHARED("partagé dans un espace de données"),
    /** Closed, obtainable through an access procedure (access request). */
    RESTRICTED("restreint, sur demande d'accès");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    /** French label for people. */
    public String label() {
        return label;
    }
}
