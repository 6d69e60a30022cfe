package fr.dataterritoires.exchanges.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * A data training of the catalogue: provider, format, duration in hours, the Pix+ Données publiques competences it
 * covers, its audiences, and whether the programme lets an agent enrol without the employer's consent [R14].
 */
public record Training(UUID id, String provider, String title, String description, TrainingFormat format, int hours,
                       List<String> competences, Set<LearnerCategory> audiences, boolean employerConsentRequired,
                       boolean open, String createdBy, Instant createdAt) {

    public static final int MAX_HOURS = 1000;

    public Training {
        Objects.requireNonNull(id);
        Objects.requireNonNull(format);
        competences = List.copyOf(competences);
        audiences = Set.copyOf(audiences);
        if (hours < 1 || hours > MAX_HOURS) {
            throw RuleViolation.invalid("hours", "la durée doit être comprise entre 1 et " + MAX_HOURS
                    + " heures");
        }
        if (audiences.isEmpty()) {
            throw RuleViolation.invalid("audiences", "au moins un public est requis");
        }
    }

    /**
     * The status of a new enrolment of this learner: enrolled at once unless the programme asks for the employer's
     * consent (agents only: an elected official has no employer to ask).
     */
    public EnrolmentStatus enrolmentStatusFor(LearnerCategory learner) {
        if (!open) {
            throw new RuleViolation.StateConflict("formation-close",
                    "Cette formation n'accepte plus d'inscription.");
        }
        if (!audiences.contains(learner)) {
            throw new RuleViolation("public-non-vise", "learnerCategory",
                    "Cette formation ne s'adresse pas à ce public.");
        }
        return employerConsentRequired && learner.isAgent() ? EnrolmentStatus.AWAITING_CONSENT
                : EnrolmentStatus.ENROLLED;
    }
}
