package fr.dataterritoires.exchanges.contracts.verification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import fr.dataterritoires.exchanges.application.ApplicationService;
import fr.dataterritoires.exchanges.application.OfferService;
import fr.dataterritoires.exchanges.application.TrainingService;
import fr.dataterritoires.exchanges.domain.DateRange;
import fr.dataterritoires.exchanges.domain.HostType;
import fr.dataterritoires.exchanges.domain.LearnerCategory;
import fr.dataterritoires.exchanges.domain.Offer;
import fr.dataterritoires.exchanges.domain.Side;
import fr.dataterritoires.exchanges.domain.Training;
import fr.dataterritoires.exchanges.domain.TrainingFormat;
import fr.dataterritoires.exchanges.domain.WorkMode;
import fr.dataterritoires.exchanges.support.ServiceTest;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.testing.contracts.HttpPactVerification;

/**
 * exchanges honours the portal's HTTP pact (libs/contracts/pacts/portal-exchanges.json,
 * docs/adr/0015-contract-tests.md): each interaction is replayed against the whole service on real PostgreSQL and
 * RabbitMQ. The provider states create their data through the application layer: an offer drafted and published by
 * the demo host's manager ({@link OfferService}), a training added by a coordinator ({@link TrainingService}), an
 * application ({@link ApplicationService}) by the agent the token names. Each state's offer and agent are new, so
 * that an agent never applies twice to an offer and an erasure touches no other interaction's agent.
 * {@code contracts.breakage.BrokenAnswersFailVerificationTest} shows that an answer breaking the pact fails this
 * verification.
 */
@ServiceTest
@Provider("exchanges")
public class PortalPactVerificationTest extends HttpPactVerification {

    static final DevTokenRequest HOST = DevUsers.demo(Role.HOST_MANAGER);
    static final DevTokenRequest COORDINATOR = DevUsers.demo(Role.NATIONAL_COORDINATOR);

    @LocalServerPort
    int port;
    @Autowired
    OfferService offers;
    @Autowired
    TrainingService trainings;
    @Autowired
    ApplicationService applications;

    /** The interaction's offer and agent, set by its states in the order the interaction gives them. */
    private UUID offer;
    private DevTokenRequest agent;

    @Override
    protected int port() {
        return port;
    }

    @State("a State service has published an offer in région 84")
    public Map<String, Object> publishedOffer() {
        Offer draft = offers.draft(principal(HOST), new OfferService.DraftOffer(HOST.siren(), HostType.STATE_SERVICE,
                "Direction régionale de l'environnement", "84", "MTECT", "Découvrir la donnée de l'État",
                List.of("mobilité"), "Participer à l'ouverture des données de mobilité.",
                "Le cycle de vie d'un jeu de données publié.", 1, 30,
                List.of(new DateRange(LocalDate.of(2030, 2, 1), LocalDate.of(2030, 3, 31))), 2, WorkMode.HYBRID,
                "Lyon"));
        offer = offers.publish(principal(HOST), draft.id()).id();
        return Map.of("offerId", offer.toString());
    }

    @State("a territorial agent is signed in")
    public void agentSignedIn() {
        agent = DevUsers.demo(Role.AGENT).withSubject("pacte-agent-" + UUID.randomUUID());
        signIn(TestIssuer.token(agent));
    }

    @State("the agent has applied to the offer")
    public void agentHasApplied() {
        applications.apply(principal(agent), offer, new ApplicationService.Apply("Lucas Dubois",
                "lucas.dubois@exemple.fr", "A", Side.TERRITORIAL, "84", null,
                new DateRange(LocalDate.of(2030, 2, 3), LocalDate.of(2030, 2, 12)),
                "Comprendre comment l'État publie ses données."));
    }

    @State("a training open to territorial agents")
    public Map<String, Object> training() {
        Training training = trainings.add(principal(COORDINATOR), new TrainingService.AddTraining("CNFPT",
                "Publier des données ouvertes", "Les bases de l'ouverture des données publiques.",
                TrainingFormat.ONLINE, 6, List.of("ouverture des données"), Set.of(LearnerCategory.TERRITORIAL_AGENT),
                false));
        return Map.of("trainingId", training.id().toString());
    }

    private static DtPrincipal principal(DevTokenRequest user) {
        return new DtPrincipal(user.subject(), user.name(), user.roles(), user.region(), user.ministry(), user.siren());
    }
}
