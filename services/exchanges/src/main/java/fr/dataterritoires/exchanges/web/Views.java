package fr.dataterritoires.exchanges.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dataterritoires.exchanges.application.ApplicationService;
import fr.dataterritoires.exchanges.application.PlacementService;
import fr.dataterritoires.exchanges.domain.AgreementVersion;
import fr.dataterritoires.exchanges.domain.ApplicationStatus;
import fr.dataterritoires.exchanges.domain.DateRange;
import fr.dataterritoires.exchanges.domain.Direction;
import fr.dataterritoires.exchanges.domain.Enrolment;
import fr.dataterritoires.exchanges.domain.EnrolmentStatus;
import fr.dataterritoires.exchanges.domain.ExchangeApplication;
import fr.dataterritoires.exchanges.domain.HostType;
import fr.dataterritoires.exchanges.domain.LearnerCategory;
import fr.dataterritoires.exchanges.domain.Offer;
import fr.dataterritoires.exchanges.domain.OfferStatus;
import fr.dataterritoires.exchanges.domain.Party;
import fr.dataterritoires.exchanges.domain.Placement;
import fr.dataterritoires.exchanges.domain.PlacementStatus;
import fr.dataterritoires.exchanges.domain.Side;
import fr.dataterritoires.exchanges.domain.Training;
import fr.dataterritoires.exchanges.domain.TrainingFormat;
import fr.dataterritoires.exchanges.domain.WorkMode;

/** The JSON answers of the API. */
final class Views {

    private Views() {
    }

    record Window(LocalDate startDate, LocalDate endDate) {
        static Window of(DateRange r) {
            return new Window(r.start(), r.end());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OfferView(UUID id, String hostSiren, HostType hostType, Side hostSide, String hostName, String regionCode,
                     String ministry, String title, List<String> topics, String activities, String learningOutcomes,
                     int minDays, int maxDays, List<Window> windows, int capacity, int placesTaken,
                     boolean full, WorkMode workMode, String place, OfferStatus status, Instant publishedAt,
                     Instant closedAt) {
        static OfferView of(Offer o) {
            return new OfferView(o.id(), o.hostSiren(), o.hostType(), o.hostSide(), o.hostName(), o.regionCode(),
                    o.ministry(), o.title(), o.topics(), o.activities(), o.learningOutcomes(), o.minDays(),
                    o.maxDays(), o.windows().stream().map(Window::of).toList(), o.capacity(), o.placesTaken(),
                    o.isFull(), o.workMode(), o.place(), o.status(), o.publishedAt(), o.closedAt());
        }
    }

    record Agent(String name, String email, String category) {
    }

    /** An application as its agent, their employer's manager or the host's manager reads it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApplicationView(UUID id, UUID offerId, String offerTitle, Agent agent, LocalDate startDate,
                           LocalDate endDate, String motivation, ApplicationStatus status, String employerSiren,
                           Side employerSide, String employerRegionCode, String employerMinistry,
                           Instant employerDecidedAt, String employerReason, Instant hostDecidedAt, String hostReason,
                           boolean waitlisted, Integer waitingListPosition, UUID placementId, Instant submittedAt) {
        static ApplicationView of(ApplicationService.ApplicationView v) {
            ExchangeApplication a = v.application();
            Agent agent = v.person().erasedAt() == null
                    ? new Agent(v.person().name(), v.person().email(), v.person().category()) : null;
            return new ApplicationView(a.id(), a.offerId(), v.offer().title(), agent, a.dates().start(),
                    a.dates().end(), a.motivation(), a.status(), a.employerSiren(), a.employerSide(),
                    a.employerRegionCode(), a.employerMinistry(), a.employerDecidedAt(), a.employerReason(),
                    a.hostDecidedAt(), a.hostReason(), a.waitlistedAt() != null && a.status().isOpen(),
                    v.waitingListPosition(), v.placementId(), a.submittedAt());
        }
    }

    record AgreementView(int number, List<String> objectives, Party proposedBy, Instant proposedAt,
                         Map<Party, Instant> acceptances, boolean acceptedByAll) {
        static AgreementView of(AgreementVersion v) {
            return new AgreementView(v.number(), v.objectives(), v.proposedBy(), v.proposedAt(), v.acceptances(),
                    v.acceptedByAll());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlacementView(UUID id, UUID applicationId, UUID offerId, String offerTitle, String hostSiren,
                         String employerSiren, LocalDate startDate, LocalDate endDate, int days, Direction direction,
                         PlacementStatus status, Party yourParty, AgreementView agreement,
                         List<AgreementView> agreementHistory, String agentReport, Instant agentReportedAt,
                         String hostFeedback, Instant hostFeedbackAt, String cancelReason, Instant startedAt,
                         Instant completedAt, Instant cancelledAt) {
        static PlacementView of(PlacementService.PlacementView v) {
            Placement p = v.placement();
            return new PlacementView(p.id(), p.applicationId(), p.offerId(), v.offer().title(), v.offer().hostSiren(),
                    v.application().employerSiren(), p.dates().start(), p.dates().end(), p.dates().days(),
                    p.direction(), p.status(), v.callerParty(),
                    p.currentAgreement() == null ? null : AgreementView.of(p.currentAgreement()),
                    p.agreement().stream().map(AgreementView::of).toList(), p.agentReport(), p.agentReportedAt(),
                    p.hostFeedback(), p.hostFeedbackAt(), p.cancelReason(), p.startedAt(), p.completedAt(),
                    p.cancelledAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrainingView(UUID id, String provider, String title, String description, TrainingFormat format, int hours,
                        List<String> competences, List<LearnerCategory> audiences, boolean employerConsentRequired,
                        boolean open) {
        static TrainingView of(Training t) {
            return new TrainingView(t.id(), t.provider(), t.title(), t.description(), t.format(), t.hours(),
                    t.competences(), t.audiences().stream().sorted().toList(), t.employerConsentRequired(), t.open());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EnrolmentView(UUID id, UUID trainingId, LearnerCategory learnerCategory, String employerSiren,
                         String regionCode, EnrolmentStatus status, Instant enrolledAt, Instant completedAt) {
        static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.id(), e.trainingId(), e.learnerCategory(), e.employerSiren(), e.regionCode(),
                    e.status(), e.enrolledAt(), e.completedAt());
        }
    }
}
