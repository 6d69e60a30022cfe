package fr.dataterritoires.exchanges.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * An accepted exchange: the agent goes to the host for the accepted dates. The three parties agree on a versioned
 * agreement (objectives); the host starts it; it completes once the agent reported and the host gave feedback; the
 * host, the employer or the agent may cancel it before completion (with a reason).
 */
public final class Placement {

    private final UUID id;
    private final UUID applicationId;
    private final UUID offerId;
    private final UUID personId;
    private final DateRange dates;
    private final Direction direction;
    private PlacementStatus status;
    private final List<AgreementVersion> agreement;
    private String agentReport;
    private Instant agentReportedAt;
    private String hostFeedback;
    private Instant hostFeedbackAt;
    private String cancelReason;
    private Instant startedAt;
    private Instant completedAt;
    private Instant cancelledAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private boolean personalDataErased;
    private final long version;

    public Placement(UUID id, UUID applicationId, UUID offerId, UUID personId, DateRange dates, Direction direction,
                     PlacementStatus status, List<AgreementVersion> agreement, String agentReport,
                     Instant agentReportedAt, String hostFeedback, Instant hostFeedbackAt, String cancelReason,
                     Instant startedAt, Instant completedAt, Instant cancelledAt, Instant createdAt, Instant updatedAt,
                     boolean personalDataErased, long version) {
        this.id = Objects.requireNonNull(id);
        this.applicationId = applicationId;
        this.offerId = offerId;
        this.personId = personId;
        this.dates = dates;
        this.direction = direction;
        this.status = status;
        this.agreement = new ArrayList<>(agreement);
        this.agentReport = agentReport;
        this.agentReportedAt = agentReportedAt;
        this.hostFeedback = hostFeedback;
        this.hostFeedbackAt = hostFeedbackAt;
        this.cancelReason = cancelReason;
        this.startedAt = startedAt;
        this.completedAt = completedAt;
        this.cancelledAt = cancelledAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.personalDataErased = personalDataErased;
        this.version = version;
    }

    /** The placement an accepted application opens. */
    public static Placement open(UUID id, ExchangeApplication application, Direction direction, Instant now) {
        if (application.status() != ApplicationStatus.ACCEPTED) {
            throw new IllegalStateException("only an accepted application opens a placement");
        }
        return new Placement(id, application.id(), application.offerId(), application.personId(),
                application.dates(), direction, PlacementStatus.AGREEMENT_PENDING, List.of(), null, null, null, null,
                null, null, null, null, now, now, false, 0);
    }

    /** The caller's booked dates must not overlap this placement's (no double booking of an agent). */
    public static void checkNoOverlap(DateRange wanted, List<Placement> booked) {
        for (Placement p : booked) {
            if (p.status != PlacementStatus.CANCELLED && p.dates.overlaps(wanted)) {
                throw new RuleViolation.StateConflict("dates-chevauchantes",
                        "L'agent est déjà engagé dans un échange du " + p.dates.start() + " au " + p.dates.end()
                                + " : les dates d'un nouvel échange ne peuvent pas le chevaucher.");
            }
        }
    }

    /** A new version of the agreement, accepted by its proposer; the previous acceptances no longer count. */
    public AgreementVersion proposeAgreement(Party by, List<String> objectives, Instant now) {
        if (status != PlacementStatus.AGREEMENT_PENDING && status != PlacementStatus.AGREED) {
            throw new RuleViolation.StateConflict("convention-figee",
                    "La convention ne peut plus être modifiée une fois l'échange commencé.");
        }
        AgreementVersion v = AgreementVersion.propose(agreement.size() + 1, objectives, by, now);
        agreement.add(v);
        status = PlacementStatus.AGREEMENT_PENDING;
        updatedAt = now;
        return v;
    }

    /** A party accepts the current version (named, so that nobody accepts a version they did not read). */
    public void acceptAgreement(Party by, int versionNumber, Instant now) {
        if (agreement.isEmpty()) {
            throw new RuleViolation.StateConflict("convention-absente",
                    "Aucune convention n'a encore été proposée pour cet échange.");
        }
        AgreementVersion current = agreement.getLast();
        if (current.number() != versionNumber) {
            throw new RuleViolation.StateConflict("convention-perimee", "La version " + versionNumber
                    + " de la convention n'est pas la version en vigueur (" + current.number() + ").");
        }
        if (status != PlacementStatus.AGREEMENT_PENDING) {
            throw new RuleViolation.StateConflict("convention-figee",
                    "La convention n'attend plus d'acceptation.");
        }
        current.accept(by, now);
        if (current.acceptedByAll()) {
            status = PlacementStatus.AGREED;
        }
        updatedAt = now;
    }

    public void start(Instant now) {
        if (status != PlacementStatus.AGREED) {
            throw new RuleViolation.StateConflict("convention-non-signee",
                    "L'échange ne peut commencer qu'une fois la convention acceptée par les trois parties.");
        }
        status = PlacementStatus.IN_PROGRESS;
        startedAt = now;
        updatedAt = now;
    }

    public void report(String text, Instant now) {
        requireInProgress();
        agentReport = requireText(text, "report");
        agentReportedAt = now;
        updatedAt = now;
    }

    public void feedback(String text, Instant now) {
        requireInProgress();
        hostFeedback = requireText(text, "feedback");
        hostFeedbackAt = now;
        updatedAt = now;
    }

    public void complete(Instant now) {
        requireInProgress();
        if (agentReportedAt == null || hostFeedbackAt == null) {
            throw new RuleViolation("bilans-manquants", null, "L'échange ne peut être clos qu'avec le "
                    + "rapport de l'agent et l'appréciation de l'administration d'accueil.");
        }
        status = PlacementStatus.COMPLETED;
        completedAt = now;
        updatedAt = now;
    }

    public void cancel(String reason, Instant now) {
        if (!status.isLive()) {
            throw new RuleViolation.StateConflict("echange-clos", "Cet échange est déjà clos.");
        }
        cancelReason = requireText(reason, "reason");
        status = PlacementStatus.CANCELLED;
        cancelledAt = now;
        updatedAt = now;
    }

    /** Erases what concerns the agent as a person: report, feedback, cancellation reason, objectives. */
    public void erasePersonalData(Instant now) {
        agentReport = null;
        hostFeedback = null;
        cancelReason = null;
        agreement.forEach(AgreementVersion::eraseObjectives);
        personalDataErased = true;
        updatedAt = now;
    }

    private void requireInProgress() {
        if (status != PlacementStatus.IN_PROGRESS) {
            throw new RuleViolation.StateConflict("echange-non-commence",
                    "Cette action n'est possible que pendant l'échange.");
        }
    }

    private static String requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw RuleViolation.invalid(field, "le texte est obligatoire");
        }
        return text.strip();
    }

    public AgreementVersion currentAgreement() {
        return agreement.isEmpty() ? null : agreement.getLast();
    }

    public UUID id() { return id; }
    public UUID applicationId() { return applicationId; }
    public UUID offerId() { return offerId; }
    public UUID personId() { return personId; }
    public DateRange dates() { return dates; }
    public Direction direction() { return direction; }
    public PlacementStatus status() { return status; }
    public List<AgreementVersion> agreement() { return List.copyOf(agreement); }
    public String agentReport() { return agentReport; }
    public Instant agentReportedAt() { return agentReportedAt; }
    public String hostFeedback() { return hostFeedback; }
    public Instant hostFeedbackAt() { return hostFeedbackAt; }
    public String cancelReason() { return cancelReason; }
    public Instant startedAt() { return startedAt; }
    public Instant completedAt() { return completedAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public boolean personalDataErased() { return personalDataErased; }
    public long version() { return version; }
}
