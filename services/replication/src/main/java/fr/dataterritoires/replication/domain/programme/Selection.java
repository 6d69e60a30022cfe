package fr.dataterritoires.replication.domain.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * The selection of a call against its published criteria: every candidacy must have been scored by every juror;
 * candidacies are ranked by weighted score (ties: earlier submission first); the first {@code capacity} scoring at
 * least the published minimum are selected, the others are not. The outcome is the cohort and each decision with its
 * score and rank, published as such.
 */
public final class Selection {

    private Selection() {
    }

    public record Ranked(Candidacy candidacy, BigDecimal score, int rank, boolean selected) {
    }

    public record Outcome(CandidateCall call, List<Ranked> ranking, Cohort cohort) {
    }

    public static Outcome select(CandidateCall call, List<Candidacy> candidacies, UUID cohortId, String cohortName) {
        if (call.status() != CallStatus.OPEN) {
            throw new RuleViolation.StateConflict("selection-faite", "La sélection de cet appel est déjà faite.");
        }
        List<String> unscored = candidacies.stream().filter(c -> !c.isFullyScored(call))
                .map(c -> c.id().toString()).toList();
        if (!unscored.isEmpty()) {
            throw new RuleViolation("notation-incomplete", null, "Tous les membres du jury n'ont pas noté "
                    + "les candidatures " + String.join(", ", unscored) + " : la sélection attend leurs notes.");
        }
        if (candidacies.isEmpty()) {
            throw new RuleViolation("aucune-candidature", null, "Cet appel n'a reçu aucune candidature.");
        }
        List<Candidacy> ordered = new ArrayList<>(candidacies);
        ordered.sort(Comparator.<Candidacy, BigDecimal>comparing(c -> c.weightedScore(call).orElseThrow())
                .reversed().thenComparing(Candidacy::submittedAt).thenComparing(Candidacy::id));
        List<Ranked> ranking = new ArrayList<>();
        List<UUID> members = new ArrayList<>();
        int rank = 0;
        for (Candidacy c : ordered) {
            BigDecimal score = c.weightedScore(call).orElseThrow();
            boolean selected = members.size() < call.capacity() && score.compareTo(call.minimumScore()) >= 0;
            if (selected) {
                members.add(c.initiativeId());
            }
            ranking.add(new Ranked(c.decided(selected ? CandidacyStatus.SELECTED : CandidacyStatus.NOT_SELECTED),
                    score, ++rank, selected));
        }
        Cohort cohort = new Cohort(cohortId, call.id(), cohortName, call.supportStart(), call.supportEnd(), members);
        return new Outcome(call.selected(), List.copyOf(ranking), cohort);
    }
}
