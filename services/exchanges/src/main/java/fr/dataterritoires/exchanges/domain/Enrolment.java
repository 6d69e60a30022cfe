package fr.dataterritoires.exchanges.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** A learner's enrolment in a training, and its completion. */
public final class Enrolment {

    private final UUID id;
    private final UUID trainingId;
    private final UUID personId;
    private final LearnerCategory learnerCategory;
    private final String employerSiren;
    private final String regionCode;
    private EnrolmentStatus status;
    private String consentDecidedBy;
    private final Instant enrolledAt;
    private Instant completedAt;
    private Instant updatedAt;

    public Enrolment(UUID id, UUID trainingId, UUID personId, LearnerCategory learnerCategory, String employerSiren,
                     String regionCode, EnrolmentStatus status, String consentDecidedBy, Instant enrolledAt,
                     Instant completedAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.trainingId = trainingId;
        this.personId = personId;
        this.learnerCategory = learnerCategory;
        this.employerSiren = employerSiren;
        this.regionCode = regionCode;
        this.status = status;
        this.consentDecidedBy = consentDecidedBy;
        this.enrolledAt = enrolledAt;
        this.completedAt = completedAt;
        this.updatedAt = updatedAt;
    }

    public static Enrolment enrol(UUID id, Training training, UUID personId, LearnerCategory category,
                                  String employerSiren, String regionCode, Instant now) {
        if (category.isAgent() && employerSiren == null) {
            throw RuleViolation.invalid("learnerCategory", "un agent s'inscrit avec le SIREN de son employeur");
        }
        return new Enrolment(id, training.id(), personId, category, employerSiren, regionCode,
                training.enrolmentStatusFor(category), null, now, null, now);
    }

    public void decideConsent(boolean granted, String by, Instant now) {
        if (status != EnrolmentStatus.AWAITING_CONSENT) {
            throw new RuleViolation.StateConflict("consentement-inattendu",
                    "Cette inscription n'attend pas l'accord de l'employeur.");
        }
        status = granted ? EnrolmentStatus.ENROLLED : EnrolmentStatus.CONSENT_REFUSED;
        consentDecidedBy = by;
        updatedAt = now;
    }

    public void complete(Instant now) {
        if (status != EnrolmentStatus.ENROLLED) {
            throw new RuleViolation.StateConflict("inscription-non-active",
                    "Seule une inscription active peut être validée.");
        }
        status = EnrolmentStatus.COMPLETED;
        completedAt = now;
        updatedAt = now;
    }

    public void withdraw(Instant now) {
        if (!status.isLive()) {
            throw new RuleViolation.StateConflict("inscription-non-active",
                    "Seule une inscription active peut être annulée.");
        }
        status = EnrolmentStatus.WITHDRAWN;
        updatedAt = now;
    }

    public UUID id() { return id; }
    public UUID trainingId() { return trainingId; }
    public UUID personId() { return personId; }
    public LearnerCategory learnerCategory() { return learnerCategory; }
    public String employerSiren() { return employerSiren; }
    public String regionCode() { return regionCode; }
    public EnrolmentStatus status() { return status; }
    public String consentDecidedBy() { return consentDecidedBy; }
    public Instant enrolledAt() { return enrolledAt; }
    public Instant completedAt() { return completedAt; }
    public Instant updatedAt() { return updatedAt; }
}
