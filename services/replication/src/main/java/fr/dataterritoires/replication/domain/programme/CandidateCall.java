package fr.dataterritoires.replication.domain.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * A call for candidates of the acceleration programme. Its criteria (scalability among them: {@value #SCALABILITY})
 * and jury are published with it and never change afterwards, so candidates are judged on what they read. The
 * cohort it forms has at most {@code capacity} initiatives, each scoring at least {@code minimumScore} (0 to 5), and
 * is supported between {@code supportStart} and {@code supportEnd}.
 */
public record CandidateCall(UUID id, String title, String description, List<Criterion> criteria, List<Juror> jury,
        LocalDate opensOn, LocalDate closesOn, int capacity, BigDecimal minimumScore, LocalDate supportStart,
        LocalDate supportEnd, CallStatus status, long version) {

    public static final String SCALABILITY = "SCALABILITY";

    public CandidateCall {
        title = Checks.required(title, "title", 300);
        description = Checks.optional(description, "description", 4000);
        criteria = Checks.list(criteria, "criteria", 12);
        if (criteria.isEmpty()) {
            throw RuleViolation.invalid("criteria", "Un appel à candidatures publie ses critères de sélection.");
        }
        Set<String> codes = new HashSet<>();
        for (Criterion c : criteria) {
            if (!codes.add(c.code())) {
                throw RuleViolation.invalid("criteria", "Le critère " + c.code() + " figure deux fois.");
            }
        }
        if (!codes.contains(SCALABILITY)) {
            throw RuleViolation.invalid("criteria", "Les critères comprennent la capacité de passage à "
                    + "l'échelle (code " + SCALABILITY + ").");
        }
        jury = Checks.list(jury, "jury", 20);
        if (jury.isEmpty()) {
            throw RuleViolation.invalid("jury", "Un jury d'au moins un membre sélectionne les candidatures.");
        }
        if (jury.stream().map(Juror::subject).distinct().count() != jury.size()) {
            throw RuleViolation.invalid("jury", "Un membre du jury figure deux fois.");
        }
        Checks.notNull(opensOn, "opensOn");
        Checks.notNull(closesOn, "closesOn");
        if (closesOn.isBefore(opensOn)) {
            throw RuleViolation.invalid("closesOn", "La clôture ne peut précéder l'ouverture.");
        }
        if (capacity < 1 || capacity > 100) {
            throw RuleViolation.invalid("capacity", "Une promotion compte de 1 à 100 initiatives.");
        }
        Checks.notNull(minimumScore, "minimumScore");
        if (minimumScore.signum() < 0 || minimumScore.compareTo(BigDecimal.valueOf(5)) > 0
                || minimumScore.stripTrailingZeros().scale() > 2) {
            throw RuleViolation.invalid("minimumScore", "La note minimale est comprise entre 0 et 5 (deux "
                    + "décimales au plus).");
        }
        Checks.notNull(supportStart, "supportStart");
        Checks.notNull(supportEnd, "supportEnd");
        if (!supportStart.isAfter(closesOn)) {
            throw RuleViolation.invalid("supportStart", "L'accompagnement commence après la clôture.");
        }
        if (!supportEnd.isAfter(supportStart)) {
            throw RuleViolation.invalid("supportEnd", "La fin de l'accompagnement suit son début.");
        }
        if (status == null) {
            status = CallStatus.OPEN;
        }
    }

    public boolean isJuror(String subject) {
        return jury.stream().anyMatch(j -> j.subject().equals(subject));
    }

    public boolean acceptsCandidaciesOn(LocalDate day) {
        return status == CallStatus.OPEN && !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    public CandidateCall selected() {
        return new CandidateCall(id, title, description, criteria, jury, opensOn, closesOn, capacity, minimumScore,
                supportStart, supportEnd, CallStatus.SELECTED, version + 1);
    }

    /** A jury member: the subject of their account (who may score), name and organisation as published. */
    public record Juror(String subject, String name, String organisation) {
        public Juror {
            subject = Checks.required(subject, "jury.subject", 200);
            name = Checks.required(name, "jury.name", 200);
            organisation = Checks.optional(organisation, "jury.organisation", 300);
        }
    }
}
