package fr.dataterritoires.replication.domain.initiative;

import java.util.Optional;

/**
 * Maturity of an initiative, in order; each step needs its evidence ({@link MaturityEvidence}).
 */
public enum Maturity {
    /** Running somewhere, not yet proven. */
    EXPERIMENT("expérimentation"),
    /** Success shown by evaluated indicators. */
    VALIDATED("validée"),
    /** Selected into a cohort of the acceleration programme, with a replication kit ready. */
    ACCELERATED("accélérée"),
    /** Live in at least one other territory. */
    REPLICATED("essaimée"),
    /** Lasting: several live replications, a known running cost, an open commons, a year past validation. */
    SUSTAINED("pérennisée");

    private final String label;

    Maturity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Optional<Maturity> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public boolean isAtLeast(Maturity other) {
        return ordinal() >= other.ordinal();
    }
}
