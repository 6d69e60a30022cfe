package fr.dataterritoires.replication.domain.replica;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.replication.domain.Sirens;
import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.replication.domain.initiative.Indicator;

/**
 * A territory adopting an initiative — directly, or from a replica of it ({@code basedOn}, so that lineage is a
 * tree rooted at the initiative; see {@link Lineage}). Status moves one step forward at a time, each with its date;
 * abandoning needs a reason and is possible until it is live. Immutable; {@code version} for optimistic locking.
 */
public record Replication(UUID id, UUID initiativeId, UUID basedOn, String adopterSiren, Set<TerritoryRef> territories,
        ReplicationStatus status, LocalDate interestedOn, LocalDate plannedStartOn, LocalDate startedOn,
        LocalDate liveOn, LocalDate abandonedOn, String abandonReason, List<CostShare> sharedCosts,
        List<Indicator> outcomes, long version) {

    public Replication {
        Checks.notNull(initiativeId, "initiativeId");
        adopterSiren = Sirens.required(adopterSiren, "adopterSiren");
        territories = territories == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(territories));
        if (territories.isEmpty()) {
            throw RuleViolation.invalid("territories", "Au moins un territoire adoptant.");
        }
        if (territories.size() > TerritoryRef.MAX_PER_SET) {
            throw RuleViolation.invalid("territories", "Au plus " + TerritoryRef.MAX_PER_SET + " territoires.");
        }
        Checks.notNull(status, "status");
        Checks.notNull(interestedOn, "interestedOn");
        sharedCosts = Checks.list(sharedCosts, "sharedCosts", 50);
        outcomes = Checks.list(outcomes, "outcomes", 50);
        abandonReason = Checks.optional(abandonReason, "reason", 2000);
        if (id != null && id.equals(basedOn)) {
            throw new RuleViolation("lignee-cyclique", "basedOn", "Une réplication ne peut pas se fonder "
                    + "sur elle-même.");
        }
    }

    public static Replication interest(UUID id, UUID initiativeId, UUID basedOn, String adopterSiren,
            Set<TerritoryRef> territories, LocalDate today) {
        return new Replication(id, initiativeId, basedOn, adopterSiren, territories, ReplicationStatus.INTERESTED, today,
                null, null, null, null, null, List.of(), List.of(), 0);
    }

    /**
     * The next status, on {@code on} (today or a past date, never before the previous step): planning names its
     * start date, which may be in the future.
     */
    public Replication advance(ReplicationStatus target, LocalDate on, LocalDate today) {
        Checks.notNull(target, "status");
        Checks.notNull(on, "on");
        if (target == ReplicationStatus.ABANDONED) {
            throw RuleViolation.invalid("status", "Abandonner une réplication demande une raison "
                    + "(POST …/abandon).");
        }
        if (status.next().orElse(null) != target) {
            throw new RuleViolation.StateConflict("etape-suivante-uniquement", "La réplication est « "
                    + status.label() + " » : " + status.next().map(n -> "seule l'étape « " + n.label()
                    + " » est possible.").orElse("elle n'évolue plus."));
        }
        if (target != ReplicationStatus.PLANNED && on.isAfter(today)) {
            throw RuleViolation.invalid("on", "La date ne peut pas être dans le futur.");
        }
        LocalDate previous = switch (status) {
            case INTERESTED -> interestedOn;
            case PLANNED -> plannedStartOn.isAfter(today) ? interestedOn : plannedStartOn;
            case IN_PROGRESS -> startedOn;
            default -> interestedOn;
        };
        if (target != ReplicationStatus.PLANNED && on.isBefore(previous)) {
            throw RuleViolation.invalid("on", "La date ne peut pas précéder celle de l'étape précédente ("
                    + previous + ").");
        }
        return switch (target) {
            case PLANNED -> with(target, on, startedOn, liveOn);
            case IN_PROGRESS -> with(target, plannedStartOn, on, liveOn);
            case LIVE -> with(target, plannedStartOn, startedOn, on);
            default -> throw new IllegalStateException();
        };
    }

    private Replication with(ReplicationStatus s, LocalDate planned, LocalDate started, LocalDate live) {
        return new Replication(id, initiativeId, basedOn, adopterSiren, territories, s, interestedOn, planned, started,
                live, abandonedOn, abandonReason, sharedCosts, outcomes, version + 1);
    }

    public Replication abandon(String reason, LocalDate today) {
        String why = Checks.required(reason, "reason", 2000);
        if (status.isFinal()) {
            throw new RuleViolation.StateConflict("replication-terminee", "La réplication est « "
                    + status.label() + " » : elle ne peut plus être abandonnée.");
        }
        return new Replication(id, initiativeId, basedOn, adopterSiren, territories, ReplicationStatus.ABANDONED,
                interestedOn, plannedStartOn, startedOn, liveOn, today, why, sharedCosts, outcomes, version + 1);
    }

    /** Shared costs and outcome indicators, editable until abandoned. */
    public Replication report(List<CostShare> costs, List<Indicator> outcomeIndicators) {
        if (status == ReplicationStatus.ABANDONED) {
            throw new RuleViolation.StateConflict("replication-abandonnee", "La réplication est abandonnée.");
        }
        return new Replication(id, initiativeId, basedOn, adopterSiren, territories, status, interestedOn,
                plannedStartOn, startedOn, liveOn, abandonedOn, abandonReason, costs, outcomeIndicators, version + 1);
    }

    /** A new parent in the lineage; the caller checks it with {@link Lineage#requireAcyclic}. */
    public Replication rebasedOn(UUID parent) {
        return new Replication(id, initiativeId, parent, adopterSiren, territories, status, interestedOn,
                plannedStartOn, startedOn, liveOn, abandonedOn, abandonReason, sharedCosts, outcomes, version + 1);
    }

    public BigDecimal sharedCostTotal() {
        return sharedCosts.stream().map(CostShare::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public boolean isLive() {
        return status == ReplicationStatus.LIVE;
    }
}
