package fr.dataterritoires.exchanges.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * An agent's application to an offer, for given dates, with a motivation. The employer approves or refuses it (with
 * a reason), the host accepts or refuses it (with a reason); acceptance needs the employer's approval first and
 * creates the placement. The employer is an organisation (SIREN, side, région, ministry): not personal data.
 */
public final class ExchangeApplication {

    private final UUID id;
    private final UUID offerId;
    private final UUID personId;
    private final DateRange dates;
    private String motivation;
    private ApplicationStatus status;
    private final String employerSiren;
    private final Side employerSide;
    private final String employerRegionCode;
    private final String employerMinistry;
    private String employerDecidedBy;
    private Instant employerDecidedAt;
    private String employerReason;
    private String hostDecidedBy;
    private Instant hostDecidedAt;
    private String hostReason;
    private Instant waitlistedAt;
    private final Instant submittedAt;
    private Instant updatedAt;
    private boolean personalDataErased;
    private final long version;

    public ExchangeApplication(UUID id, UUID offerId, UUID personId, DateRange dates, String motivation,
                               ApplicationStatus status, String employerSiren, Side employerSide,
                               String employerRegionCode, String employerMinistry, String employerDecidedBy,
                               Instant employerDecidedAt, String employerReason, String hostDecidedBy,
                               Instant hostDecidedAt, String hostReason, Instant waitlistedAt, Instant submittedAt,
                               Instant updatedAt, boolean personalDataErased, long version) {
        this.id = Objects.requireNonNull(id);
        this.offerId = Objects.requireNonNull(offerId);
        this.personId = Objects.requireNonNull(personId);
        this.dates = Objects.requireNonNull(dates);
        this.motivation = motivation;
        this.status = Objects.requireNonNull(status);
        this.employerSiren = employerSiren;
        this.employerSide = Objects.requireNonNull(employerSide);
        this.employerRegionCode = employerRegionCode;
        this.employerMinistry = employerMinistry;
        this.employerDecidedBy = employerDecidedBy;
        this.employerDecidedAt = employerDecidedAt;
        this.employerReason = employerReason;
        this.hostDecidedBy = hostDecidedBy;
        this.hostDecidedAt = hostDecidedAt;
        this.hostReason = hostReason;
        this.waitlistedAt = waitlistedAt;
        this.submittedAt = submittedAt;
        this.updatedAt = updatedAt;
        this.personalDataErased = personalDataErased;
        this.version = version;
    }

    /** A new application; the offer has checked the dates and the sides ({@link Offer#checkApplication}). */
    public static ExchangeApplication submit(UUID id, Offer offer, UUID personId, DateRange dates, String motivation,
                                             String employerSiren, Side employerSide, String employerRegionCode,
                                             String employerMinistry, Instant now) {
        if (motivation == null || motivation.isBlank()) {
            throw RuleViolation.invalid("motivation", "la motivation est obligatoire");
        }
        if (employerSide == Side.TERRITORIAL && employerMinistry != null) {
            throw RuleViolation.invalid("employerMinistry",
                    "un employeur territorial ne relève d'aucun ministère");
        }
        offer.checkApplication(employerSide, dates);
        ExchangeApplication application = new ExchangeApplication(id, offer.id(), personId, dates, motivation,
                ApplicationStatus.SUBMITTED, employerSiren, employerSide, employerRegionCode, employerMinistry, null,
                null, null, null, null, null, null, now, now, false, 0);
        if (offer.isFull()) {
            application.waitlistedAt = now;
        }
        return application;
    }

    public void approveByEmployer(String by, Instant now) {
        requireStatus(ApplicationStatus.SUBMITTED, "L'employeur ne peut se prononcer que sur une candidature en "
                + "attente de son avis.");
        status = ApplicationStatus.EMPLOYER_APPROVED;
        employerDecidedBy = by;
        employerDecidedAt = now;
        updatedAt = now;
    }

    public void refuseByEmployer(String by, String reason, Instant now) {
        requireReason(reason);
        requireStatus(ApplicationStatus.SUBMITTED, "L'employeur ne peut se prononcer que sur une candidature en "
                + "attente de son avis.");
        status = ApplicationStatus.EMPLOYER_REFUSED;
        employerDecidedBy = by;
        employerDecidedAt = now;
        employerReason = reason.strip();
        updatedAt = now;
    }

    /** The host accepts: the employer must have approved first; the offer has a place (checked by the caller). */
    public void accept(String by, Instant now) {
        if (status == ApplicationStatus.SUBMITTED) {
            throw new RuleViolation.StateConflict("accord-employeur-requis",
                    "La candidature ne peut être acceptée qu'après l'accord de l'employeur de l'agent.");
        }
        requireStatus(ApplicationStatus.EMPLOYER_APPROVED, "Cette candidature ne peut plus être acceptée.");
        status = ApplicationStatus.ACCEPTED;
        hostDecidedBy = by;
        hostDecidedAt = now;
        waitlistedAt = null;
        updatedAt = now;
    }

    public void refuseByHost(String by, String reason, Instant now) {
        requireReason(reason);
        if (!status.isOpen()) {
            throw new RuleViolation.StateConflict("candidature-close", "Cette candidature est close.");
        }
        status = ApplicationStatus.HOST_REFUSED;
        hostDecidedBy = by;
        hostDecidedAt = now;
        hostReason = reason.strip();
        waitlistedAt = null;
        updatedAt = now;
    }

    /** The offer was full when the host tried to accept: the application waits for a place. */
    public void waitlist(Instant now) {
        if (waitlistedAt == null) {
            waitlistedAt = now;
            updatedAt = now;
        }
    }

    public void withdraw(Instant now) {
        if (!status.isOpen()) {
            throw new RuleViolation.StateConflict("candidature-close",
                    "Seule une candidature en cours d'examen peut être retirée.");
        }
        status = ApplicationStatus.WITHDRAWN;
        waitlistedAt = null;
        updatedAt = now;
    }

    /** Erases what concerns the agent as a person: the motivation and the reasons given about them. */
    public void erasePersonalData(Instant now) {
        motivation = null;
        employerReason = null;
        hostReason = null;
        personalDataErased = true;
        updatedAt = now;
    }

    private void requireStatus(ApplicationStatus expected, String message) {
        if (status != expected) {
            throw new RuleViolation.StateConflict("etat-candidature", message);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("reason", "un refus doit être motivé");
        }
    }

    public UUID id() { return id; }
    public UUID offerId() { return offerId; }
    public UUID personId() { return personId; }
    public DateRange dates() { return dates; }
    public String motivation() { return motivation; }
    public ApplicationStatus status() { return status; }
    public String employerSiren() { return employerSiren; }
    public Side employerSide() { return employerSide; }
    public String employerRegionCode() { return employerRegionCode; }
    public String employerMinistry() { return employerMinistry; }
    public String employerDecidedBy() { return employerDecidedBy; }
    public Instant employerDecidedAt() { return employerDecidedAt; }
    public String employerReason() { return employerReason; }
    public String hostDecidedBy() { return hostDecidedBy; }
    public Instant hostDecidedAt() { return hostDecidedAt; }
    public String hostReason() { return hostReason; }
    public Instant waitlistedAt() { return waitlistedAt; }
    public Instant submittedAt() { return submittedAt; }
    public Instant updatedAt() { return updatedAt; }
    public boolean personalDataErased() { return personalDataErased; }
    public long version() { return version; }
}
