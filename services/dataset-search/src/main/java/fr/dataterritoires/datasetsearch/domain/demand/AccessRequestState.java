package fr.dataterritoires.datasetsearch.domain.demand;

/** Where an access request stands. The last four are final: nothing moves a request out of them. */
public enum AccessRequestState {
    SUBMITTED("déposée", false),
    /** The producer side (or a coordinator) has seen it; the legal clock keeps running. */
    ACKNOWLEDGED("prise en compte", false),
    GRANTED("accordée", true),
    REFUSED("refusée", true),
    /** No answer within a month: silence is a refusal (CRPA art. R311-13). */
    IMPLICITLY_REFUSED("refusée implicitement (silence d'un mois)", true),
    WITHDRAWN("retirée par le demandeur", true);

    private final String label;
    private final boolean terminal;

    AccessRequestState(String label, boolean terminal) {
        this.label = label;
        this.terminal = terminal;
    }

    /** French label for people. */
    public String label() {
        return label;
    }

    public boolean isFinal() {
        return terminal;
    }

    /** Still waiting for an answer. */
    public boolean isOpen() {
        return !terminal;
    }
}
