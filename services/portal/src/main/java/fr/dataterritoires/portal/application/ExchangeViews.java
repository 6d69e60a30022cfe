package fr.dataterritoires.portal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the pages read of exchanges: host offers, an agent's applications and their approvals, trainings. */
public final class ExchangeViews {

    private ExchangeViews() {
    }

    public record Window(LocalDate startDate, LocalDate endDate) {
    }

    public record Offer(String id, String hostSiren, String hostType, String hostSide, String hostName,
                        String regionCode, String ministry, String title, List<String> topics, String activities,
                        String learningOutcomes, int minDays, int maxDays, List<Window> windows, int capacity,
                        int placesTaken, boolean full, String workMode, String place, String status,
                        Instant publishedAt) {
    }

    public record Agent(String name, String email, String category) {
    }

    public record Application(String id, String offerId, String offerTitle, Agent agent, LocalDate startDate,
                              LocalDate endDate, String motivation, String status, String employerSiren,
                              Instant employerDecidedAt, String employerReason, Instant hostDecidedAt,
                              String hostReason, boolean waitlisted, Integer waitingListPosition, String placementId,
                              Instant submittedAt) {
    }

    public record Training(String id, String provider, String title, String description, String format, int hours,
                           List<String> competences, List<String> audiences, boolean employerConsentRequired,
                           boolean open) {
    }

    public record Enrolment(String id, String trainingId, String learnerCategory, String employerSiren,
                            String regionCode, String status, Instant enrolledAt, Instant completedAt) {

        /** The day of the enrolment in France. */
        public java.time.LocalDate enrolledOn() {
            return enrolledAt == null ? null
                    : java.time.LocalDate.ofInstant(enrolledAt, java.time.ZoneId.of("Europe/Paris"));
        }
    }
}
