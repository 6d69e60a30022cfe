package fr.dataterritoires.replication.domain.initiative;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.replication.domain.Sirens;
import fr.dataterritoires.replication.domain.TerritoryRef;

/**
 * An initiative: an experiment from a territory, led by an organisation (SIREN), and its way up the maturity ladder.
 * Immutable: every change returns a new value whose {@code version} the store checks (optimistic locking).
 * Maturity only moves one step up at a time, and only on the evidence {@link MaturityEvidence} requires; every step
 * is kept with its justification and the evidence checked.
 */
public record Initiative(UUID id, String leadSiren, InitiativeContent content, Maturity maturity,
        List<MaturityStep> steps, Set<UUID> awardIds, Instant createdAt, long version) {

    public static final int MAX_AWARDS = 100;

    public Initiative {
        leadSiren = Sirens.required(leadSiren, "leadSiren");
        steps = List.copyOf(steps);
        awardIds = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(awardIds));
    }

    public static Initiative create(UUID id, String leadSiren, InitiativeContent content, Instant now) {
        content.requireEvaluationsDone(LocalDate.ofInstant(now, MaturityEvidence.PARIS));
        if (content.territories().isEmpty()) {
            throw RuleViolation.invalid("territories", "Au moins un territoire d'expérimentation.");
        }
        return new Initiative(id, leadSiren, content, Maturity.EXPERIMENT, List.of(), Set.of(), now, 0);
    }

    public Initiative describe(InitiativeContent newContent, Instant now) {
        newContent.requireEvaluationsDone(LocalDate.ofInstant(now, MaturityEvidence.PARIS));
        if (newContent.territories().isEmpty()) {
            throw RuleViolation.invalid("territories", "Au moins un territoire d'expérimentation.");
        }
        return new Initiative(id, leadSiren, newContent, maturity, steps, awardIds, createdAt, version + 1);
    }

    /**
     * Takes the next maturity step, on its evidence. Refused (rule {@code etape-suivante-uniquement}) when
     * {@code target} is not the next step, and (rule {@code preuve-manquante}) when evidence is missing — the
     * message lists every missing piece.
     */
    public Initiative advance(Maturity target, String justification, MaturityFacts facts, String actor, Instant now) {
        Checks.notNull(target, "maturity");
        String why = Checks.required(justification, "justification", 2000);
        if (maturity.next().orElse(null) != target) {
            throw new RuleViolation("etape-suivante-uniquement", "maturity", "L'initiative est au stade « "
                    + maturity.label() + " » : " + maturity.next().map(n -> "seule l'étape « " + n.label()
                    + " » est possible.").orElse("c'est le dernier stade."));
        }
        MaturityEvidence.Assessment assessment = MaturityEvidence.assess(this, target, facts, now);
        if (!assessment.isSufficient()) {
            throw new RuleViolation("preuve-manquante", "maturity", "Passage au stade « " + target.label()
                    + " » refusé, il manque : " + String.join(" ; ", assessment.missing()) + ".");
        }
        List<MaturityStep> taken = new ArrayList<>(steps);
        taken.add(new MaturityStep(maturity, target, now, actor, why, assessment.found()));
        return new Initiative(id, leadSiren, content, target, taken, awardIds, createdAt, version + 1);
    }

    /**
     * An award of commons-calls for this initiative's commons: its id is kept (funding is asked to commons-calls with
     * it), and what the award says about the commons fills what the initiative does not say yet (the lead's own
     * description wins). Returns this very value when the award is already known.
     */
    public Initiative awarded(UUID awardId, AwardedCommons award) {
        if (awardIds.contains(awardId)) {
            return this;
        }
        if (awardIds.size() >= MAX_AWARDS) {
            throw new RuleViolation("trop-de-laureats", "awardIds", "Au plus " + MAX_AWARDS
                    + " financements par initiative.");
        }
        Set<UUID> awards = new LinkedHashSet<>(awardIds);
        awards.add(awardId);
        InitiativeContent c = content;
        Set<TerritoryRef> territories = new TreeSet<>(c.territories());
        territories.addAll(award.territories());
        CommonsUsed commons = c.commons() == null ? award.commons() : c.commons();
        List<String> labels = new ArrayList<>(c.labels());
        award.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
        InitiativeContent merged = new InitiativeContent(c.title(), c.problem() == null ? award.summary() : c.problem(),
                c.policyDomain(), territories.size() > TerritoryRef.MAX_PER_SET ? c.territories() : territories,
                commons, c.indicators(), c.ethicsCharter() == null ? award.ethicsCharter() : c.ethicsCharter(),
                labels.size() > 30 ? c.labels() : labels, c.annualRunningCost(), c.skills(), c.kit());
        return new Initiative(id, leadSiren, merged, maturity, steps, awards, createdAt, version + 1);
    }

    /** A new initiative from an award whose commons replication did not track yet. */
    public static Initiative fromAward(UUID id, UUID awardId, String leadSiren, AwardedCommons award, Instant now) {
        InitiativeContent content = new InitiativeContent(award.commons().title(), award.summary(),
                award.policyDomain(), award.territories(), award.commons(), List.of(), award.ethicsCharter(),
                award.labels(), null, List.of(), ReplicationKit.empty());
        return new Initiative(id, leadSiren, content, Maturity.EXPERIMENT, List.of(), Set.of(awardId), now, 0);
    }

    /** When the initiative was validated (its step to {@link Maturity#VALIDATED}), null before. */
    public Instant validatedAt() {
        return steps.stream().filter(s -> s.to() == Maturity.VALIDATED).map(MaturityStep::at).findFirst().orElse(null);
    }

    public String title() {
        return content.title();
    }

    public Set<TerritoryRef> territories() {
        return content.territories();
    }

    public List<Indicator> indicators() {
        return content.indicators();
    }

    public ReplicationKit kit() {
        return content.kit();
    }

    public CommonsUsed commons() {
        return content.commons();
    }

    public BigDecimal annualRunningCost() {
        return content.annualRunningCost();
    }

    /** What an award says about the commons it finances ({@code AwardGranted}'s optional fields). */
    public record AwardedCommons(CommonsUsed commons, String summary, String policyDomain, Set<TerritoryRef> territories,
            String ethicsCharter, List<String> labels) {
        public AwardedCommons {
            territories = territories == null ? Set.of() : Set.copyOf(territories);
            labels = labels == null ? List.of() : List.copyOf(labels);
        }
    }
}
