package fr.dataterritoires.exchanges.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dataterritoires.exchanges.domain.Direction;
import fr.dataterritoires.exchanges.domain.ExchangeApplication;
import fr.dataterritoires.exchanges.domain.Offer;
import fr.dataterritoires.exchanges.domain.Placement;

/**
 * The events the service publishes (schemas in libs/contracts events/exchanges) and the audit snapshots. Neither
 * carries personal data: organisations, sides, territories, dates, statuses and identifiers only.
 */
public final class ExchangeEvents {

    public static final String PLACEMENT_COMPLETED = "fr.dataterritoires.exchanges.PlacementCompleted.v1";
    public static final String TRAINING_COMPLETED = "fr.dataterritoires.exchanges.TrainingCompleted.v1";

    private ExchangeEvents() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlacementCompleted(UUID placementId, UUID offerId, Direction direction, String hostSiren,
                                     String employerSiren, String hostRegionCode, String employerRegionCode,
                                     String ministry, List<String> topics, LocalDate startDate, LocalDate endDate,
                                     int days, Instant completedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrainingCompleted(UUID enrolmentId, UUID trainingId, String format, String learnerCategory,
                                    String employerSiren, String regionCode, List<String> competences, Integer hours,
                                    Instant completedAt) {
    }

    /** The ministry on the State side of the exchange: the host's when the host is the State, else the employer's. */
    static String stateMinistry(Placement p, Offer offer, ExchangeApplication a) {
        return p.direction() == Direction.TERRITORIAL_TO_STATE ? offer.ministry() : a.employerMinistry();
    }

    /** The région of the local authority taking part. */
    static String territorialRegion(Placement p, Offer offer, ExchangeApplication a) {
        return p.direction() == Direction.STATE_TO_TERRITORIAL ? offer.regionCode() : a.employerRegionCode();
    }

    static Map<String, Object> snapshot(Offer o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", o.status());
        m.put("hostSiren", o.hostSiren());
        m.put("capacity", o.capacity());
        m.put("placesTaken", o.placesTaken());
        return m;
    }

    /** An application's audit snapshot: identifiers, dates and statuses, never the motivation nor a reason. */
    static Map<String, Object> snapshot(ExchangeApplication a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offerId", a.offerId());
        m.put("personId", a.personId());
        m.put("status", a.status());
        m.put("startDate", a.dates().start());
        m.put("endDate", a.dates().end());
        m.put("employerSiren", a.employerSiren());
        m.put("waitlisted", a.waitlistedAt() != null);
        return m;
    }

    /** A placement's audit snapshot: no report, feedback, objectives or reason (their presence only). */
    static Map<String, Object> snapshot(Placement p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", p.applicationId());
        m.put("status", p.status());
        m.put("agreementVersion", p.agreement().size());
        m.put("acceptedBy", p.currentAgreement() == null ? List.of()
                : p.currentAgreement().acceptances().keySet().stream().sorted().toList());
        m.put("reported", p.agentReportedAt() != null);
        m.put("feedbackGiven", p.hostFeedbackAt() != null);
        return m;
    }
}
