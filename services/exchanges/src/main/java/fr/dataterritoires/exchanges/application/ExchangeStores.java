package fr.dataterritoires.exchanges.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.exchanges.domain.Enrolment;
import fr.dataterritoires.exchanges.domain.ExchangeApplication;
import fr.dataterritoires.exchanges.domain.Offer;
import fr.dataterritoires.exchanges.domain.OfferStatus;
import fr.dataterritoires.exchanges.domain.Person;
import fr.dataterritoires.exchanges.domain.Placement;
import fr.dataterritoires.exchanges.domain.Training;

/** The ports of the use cases: one store per aggregate. Updates check the version read (optimistic locking). */
public final class ExchangeStores {

    private ExchangeStores() {
    }

    public interface Offers {
        void insert(Offer offer);

        void update(Offer offer);

        Optional<Offer> find(UUID id);

        /** Reads the offer and locks its row until commit: capacity moves under this lock. */
        Optional<Offer> lock(UUID id);

        /** A page, most recent first. */
        List<Offer> list(OfferStatus status, String hostSiren, String regionCode, String topic, int limit, int offset);
    }

    public interface Persons {
        void insert(Person person);

        void update(Person person);

        Optional<Person> findBySubject(String subject);

        /** Reads the person and locks the row until commit: an agent's bookings move under this lock. */
        Optional<Person> lock(UUID id);

        Optional<Person> find(UUID id);

        /**
         * Not erased, nothing live (no open application, no placement before completion, no live enrolment), last
         * activity before {@code before}: their retention is over. Locked, skipping rows other replicas hold.
         */
        List<Person> lockExpired(Instant before, int limit);
    }

    public interface Applications {
        void insert(ExchangeApplication application);

        void update(ExchangeApplication application);

        Optional<ExchangeApplication> find(UUID id);

        Optional<ExchangeApplication> lock(UUID id);

        List<ExchangeApplication> byPerson(UUID personId);

        List<ExchangeApplication> byOffer(UUID offerId);

        List<ExchangeApplication> byEmployer(String employerSiren);
    }

    public interface Placements {
        void insert(Placement placement);

        void update(Placement placement);

        Optional<Placement> find(UUID id);

        Optional<Placement> lock(UUID id);

        Optional<Placement> byApplication(UUID applicationId);

        List<Placement> byPerson(UUID personId);

        List<Placement> byOffer(UUID offerId);
    }

    public interface Trainings {
        void insert(Training training);

        Optional<Training> find(UUID id);

        /** A page of the catalogue, most recent first. */
        List<Training> list(int limit, int offset);

        void insertEnrolment(Enrolment enrolment);

        void updateEnrolment(Enrolment enrolment);

        Optional<Enrolment> lockEnrolment(UUID id);

        List<Enrolment> enrolmentsOf(UUID personId);

        List<Enrolment> enrolmentsAwaitingConsent(String employerSiren);
    }

    /** The anonymous facts that outlive personal data, and what is read from them. */
    public interface Statistics {
        void recordExchange(ExchangeFact fact);

        void recordTraining(TrainingFact fact);

        List<ReciprocityRow> byRegion();

        List<ReciprocityRow> byMinistry();

        ReachCounts reach();
    }

    public record ExchangeFact(String direction, String hostSiren, String hostRegionCode, String employerSiren,
                               String employerRegionCode, String territorialRegionCode, String stateMinistry,
                               int days, java.time.LocalDate completedOn, UUID agentKey) {
    }

    public record TrainingFact(UUID trainingId, String format, String learnerCategory, String regionCode, int hours,
                               java.time.LocalDate completedOn, UUID learnerKey) {
    }

    /** Exchanges each way for one région or ministry; balance = State → territorial minus territorial → State. */
    public record ReciprocityRow(String key, long stateToTerritorial, long territorialToState, long balance,
                                 long agents) {
    }

    public record ReachCounts(long exchangesCompleted, long agentsExchanged, long stateAgentsExchanged,
                              long territorialAgentsExchanged, long exchangeDays, long trainingsCompleted,
                              long stateAgentsTrained, long territorialAgentsTrained, long electedOfficialsTrained) {
    }
}
