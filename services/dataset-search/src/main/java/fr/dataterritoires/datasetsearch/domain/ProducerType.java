package fr.dataterritoires.datasetsearch.domain;

/** Kind of organisation that produces a dataset (a search facet). */
public enum ProducerType {
    COMMUNE("commune"),
    EPCI("EPCI"),
    DEPARTEMENT("département"),
    REGION("région"),
    STATE_SERVICE("service de l'État"),
    OPERATOR("opérateur public"),
    ASSOCIATION("association"),
    COMPANY("entreprise"),
    /** The source did not say and nothing allowed to infer it. */
    UNKNOWN("inconnu");

    private final String label;

    ProducerType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
