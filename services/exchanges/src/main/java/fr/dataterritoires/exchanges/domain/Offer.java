package fr.dataterritoires.exchanges.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Siren;

/**
 * A host administration's offer of short exchanges: what the guest will do and learn, the duration it accepts
 * (within the programme's limits), when (availability windows), how many guests at once over its life
 * ({@code capacity}: placements not cancelled), where. Draft → published → closed.
 */
public final class Offer {

    public static final int MAX_CAPACITY = 100;

    private final UUID id;
    private final String hostSiren;
    private final HostType hostType;
    private final String hostName;
    private final String regionCode;
    private final String ministry;
    private final String title;
    private final List<String> topics;
    private final String activities;
    private final String learningOutcomes;
    private final int minDays;
    private final int maxDays;
    private final List<DateRange> windows;
    private final int capacity;
    private final int placesTaken;
    private final WorkMode workMode;
    private final String place;
    private OfferStatus status;
    private final String createdBy;
    private final Instant createdAt;
    private Instant publishedAt;
    private Instant closedAt;
    private final long version;

    public Offer(UUID id, String hostSiren, HostType hostType, String hostName, String regionCode, String ministry,
                 String title, List<String> topics, String activities, String learningOutcomes, int minDays,
                 int maxDays, List<DateRange> windows, int capacity, int placesTaken, WorkMode workMode, String place,
                 OfferStatus status, String createdBy, Instant createdAt, Instant publishedAt, Instant closedAt,
                 long version) {
        this.id = Objects.requireNonNull(id);
        this.hostSiren = hostSiren;
        this.hostType = Objects.requireNonNull(hostType);
        this.hostName = hostName;
        this.regionCode = regionCode;
        this.ministry = ministry;
        this.title = title;
        this.topics = List.copyOf(topics);
        this.activities = activities;
        this.learningOutcomes = learningOutcomes;
        this.minDays = minDays;
        this.maxDays = maxDays;
        this.windows = List.copyOf(windows);
        this.capacity = capacity;
        this.placesTaken = placesTaken;
        this.workMode = Objects.requireNonNull(workMode);
        this.place = place;
        this.status = Objects.requireNonNull(status);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.publishedAt = publishedAt;
        this.closedAt = closedAt;
        this.version = version;
    }

    /** A new draft, its content checked against the programme's limits. */
    public static Offer draft(UUID id, String hostSiren, HostType hostType, String hostName, String regionCode,
                              String ministry, String title, List<String> topics, String activities,
                              String learningOutcomes, int minDays, int maxDays, List<DateRange> windows, int capacity,
                              WorkMode workMode, String place, ProgrammeLimits limits, String createdBy, Instant now) {
        Siren.validationError(hostSiren).ifPresent(error -> {
            throw RuleViolation.invalid("hostSiren", error);
        });
        if (hostType == HostType.LOCAL_AUTHORITY && ministry != null) {
            throw RuleViolation.invalid("ministry", "une collectivité territoriale ne relève d'aucun ministère");
        }
        limits.checkOfferBounds(minDays, maxDays);
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw RuleViolation.invalid("capacity", "le nombre de places doit être compris entre 1 et "
                    + MAX_CAPACITY);
        }
        if (windows.isEmpty()) {
            throw RuleViolation.invalid("windows", "au moins une période de disponibilité est requise");
        }
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).days() < minDays) {
                throw RuleViolation.invalid("windows[" + i + "]", "la période est plus courte que la durée "
                        + "minimale de l'échange (" + minDays + " jours)");
            }
        }
        if (workMode != WorkMode.REMOTE && (place == null || place.isBlank())) {
            throw RuleViolation.invalid("place", "le lieu est obligatoire sauf pour un échange à distance");
        }
        return new Offer(id, hostSiren, hostType, hostName, regionCode, ministry, title, topics, activities,
                learningOutcomes, minDays, maxDays, windows, capacity, 0, workMode, place, OfferStatus.DRAFT,
                createdBy, now, null, null, 0);
    }

    public void publish(Instant now) {
        if (status != OfferStatus.DRAFT) {
            throw new RuleViolation.StateConflict("offre-deja-publiee",
                    "Seule une offre en brouillon peut être publiée ; celle-ci est " + label(status) + ".");
        }
        status = OfferStatus.PUBLISHED;
        publishedAt = now;
    }

    public void close(Instant now) {
        if (status == OfferStatus.CLOSED) {
            throw new RuleViolation.StateConflict("offre-deja-close", "Cette offre est déjà close.");
        }
        if (publishedAt == null) {
            publishedAt = now;
        }
        status = OfferStatus.CLOSED;
        closedAt = now;
    }

    /**
     * An agent of {@code employerSide} may apply for these dates: the offer is published, the exchange crosses sides,
     * the duration fits the offer's bounds and the dates fit one availability window.
     *
     * @return the direction of the exchange
     */
    public Direction checkApplication(Side employerSide, DateRange dates) {
        if (status != OfferStatus.PUBLISHED) {
            throw new RuleViolation.StateConflict("offre-non-publiee",
                    "Cette offre n'accepte pas de candidature : elle est " + label(status) + ".");
        }
        Direction direction = Direction.of(employerSide, hostType.side());
        int days = dates.days();
        if (days < minDays || days > maxDays) {
            throw new RuleViolation("duree-hors-limites", "endDate", "La durée demandée (" + days
                    + " jours) doit être comprise entre " + minDays + " et " + maxDays + " jours pour cette offre.");
        }
        if (windows.stream().noneMatch(w -> w.contains(dates))) {
            throw new RuleViolation("hors-disponibilites", "startDate",
                    "Les dates demandées ne tiennent dans aucune période de disponibilité de l'offre.");
        }
        return direction;
    }

    public boolean isFull() {
        return placesTaken >= capacity;
    }

    /** The host accepts one more guest: refused when every place is taken (the caller holds the offer's row lock). */
    public void checkPlaceAvailable() {
        if (status == OfferStatus.DRAFT) {
            throw new RuleViolation.StateConflict("offre-non-publiee", "Cette offre n'est pas publiée.");
        }
        if (isFull()) {
            throw new OfferFull(capacity);
        }
    }

    private static String label(OfferStatus s) {
        return switch (s) {
            case DRAFT -> "en brouillon";
            case PUBLISHED -> "publiée";
            case CLOSED -> "close";
        };
    }

    public Side hostSide() {
        return hostType.side();
    }

    public UUID id() { return id; }
    public String hostSiren() { return hostSiren; }
    public HostType hostType() { return hostType; }
    public String hostName() { return hostName; }
    public String regionCode() { return regionCode; }
    public String ministry() { return ministry; }
    public String title() { return title; }
    public List<String> topics() { return topics; }
    public String activities() { return activities; }
    public String learningOutcomes() { return learningOutcomes; }
    public int minDays() { return minDays; }
    public int maxDays() { return maxDays; }
    public List<DateRange> windows() { return windows; }
    public int capacity() { return capacity; }
    public int placesTaken() { return placesTaken; }
    public WorkMode workMode() { return workMode; }
    public String place() { return place; }
    public OfferStatus status() { return status; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant publishedAt() { return publishedAt; }
    public Instant closedAt() { return closedAt; }
    public long version() { return version; }
}
