package fr.dataterritoires.replication.domain.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * An initiative's candidacy to a call, and the jury's scores: for each juror, an integer 0 to 5 per criterion.
 */
public record Candidacy(UUID id, UUID callId, UUID initiativeId, String motivation, Instant submittedAt,
        Map<String, Map<String, Integer>> scores, CandidacyStatus status, long version) {

    public Candidacy {
        motivation = Checks.required(motivation, "motivation", 4000);
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        scores.forEach((juror, byCriterion) -> copy.put(juror, Map.copyOf(byCriterion)));
        scores = java.util.Collections.unmodifiableMap(copy);
        status = status == null ? CandidacyStatus.SUBMITTED : status;
    }

    /** One juror's scores, on every published criterion of {@code call}, each 0 to 5; a juror may score again. */
    public Candidacy scored(CandidateCall call, String juror, Map<String, Integer> byCriterion) {
        if (call.status() != CallStatus.OPEN || status != CandidacyStatus.SUBMITTED) {
            throw new RuleViolation.StateConflict("selection-faite", "La sélection de cet appel est faite : "
                    + "les notes ne changent plus.");
        }
        Checks.notNull(byCriterion, "scores");
        for (Criterion c : call.criteria()) {
            Integer score = byCriterion.get(c.code());
            if (score == null) {
                throw RuleViolation.invalid("scores." + c.code(), "Le critère publié " + c.code()
                        + " (« " + c.label() + " ») doit être noté.");
            }
            if (score < 0 || score > 5) {
                throw RuleViolation.invalid("scores." + c.code(), "Une note est comprise entre 0 et 5.");
            }
        }
        for (String code : byCriterion.keySet()) {
            if (call.criteria().stream().noneMatch(c -> c.code().equals(code))) {
                throw RuleViolation.invalid("scores." + code, "Le critère " + code
                        + " n'est pas un critère publié de l'appel.");
            }
        }
        Map<String, Map<String, Integer>> next = new LinkedHashMap<>(scores);
        next.put(juror, byCriterion);
        return new Candidacy(id, callId, initiativeId, motivation, submittedAt, next, status, version + 1);
    }

    /** Whether every juror of {@code call} scored it. */
    public boolean isFullyScored(CandidateCall call) {
        return call.jury().stream().allMatch(j -> scores.containsKey(j.subject()));
    }

    /**
     * Weighted score on 0 to 5: per juror, the criteria's scores weighted by their published weights; then the mean
     * of the jurors. Two decimals, rounded half up (the rounding rule of published scores). Empty until every juror
     * scored.
     */
    public Optional<BigDecimal> weightedScore(CandidateCall call) {
        if (!isFullyScored(call)) {
            return Optional.empty();
        }
        int weights = call.criteria().stream().mapToInt(Criterion::weight).sum();
        BigDecimal total = BigDecimal.ZERO;
        for (CandidateCall.Juror juror : call.jury()) {
            Map<String, Integer> s = scores.get(juror.subject());
            int weighted = call.criteria().stream().mapToInt(c -> c.weight() * s.get(c.code())).sum();
            total = total.add(BigDecimal.valueOf(weighted));
        }
        return Optional.of(total.divide(BigDecimal.valueOf((long) weights * call.jury().size()), 2,
                RoundingMode.HALF_UP));
    }

    public Candidacy decided(CandidacyStatus decision) {
        return new Candidacy(id, callId, initiativeId, motivation, submittedAt, scores, decision, version + 1);
    }
}
