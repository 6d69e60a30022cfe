package fr.dataterritoires.roadmaps.contracts.verification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.roadmaps.application.governance.GovernanceBodies;
import fr.dataterritoires.roadmaps.application.governance.GovernanceService;
import fr.dataterritoires.roadmaps.application.roadmap.RoadmapService;
import fr.dataterritoires.roadmaps.application.roadmap.RoadmapStore;
import fr.dataterritoires.roadmaps.domain.governance.GovernanceBody;
import fr.dataterritoires.roadmaps.domain.roadmap.FundingSource;
import fr.dataterritoires.roadmaps.domain.roadmap.Grant;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.Period;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.support.ServiceTest;
import fr.dataterritoires.testing.contracts.HttpPactVerification;

/**
 * roadmaps honours the portal's HTTP pact (libs/contracts/pacts/portal-roadmaps.json, docs/adr/0015-contract-tests.md):
 * each interaction is replayed against the whole service on real PostgreSQL and RabbitMQ. The provider states create
 * their roadmaps through {@link RoadmapService}, as région 28's committee member and a national coordinator: each
 * state files a roadmap of its own, for a year région 28's committee has no roadmap for yet (a committee has one
 * roadmap per period), so that interactions and repeated verifications never meet. Région 28 is this test's alone.
 * {@code contracts.breakage.BrokenAnswersFailVerificationTest} shows that an answer breaking the pact fails this
 * verification.
 */
@ServiceTest
@Provider("roadmaps")
public class PortalPactVerificationTest extends HttpPactVerification {

    static final String REGION = "28";
    static final DevTokenRequest MEMBER = DevUsers.demo(Role.COMMITTEE_MEMBER).withSubject("demo-comite-28")
            .withRegion(REGION);
    static final DevTokenRequest COORDINATOR = DevUsers.demo(Role.NATIONAL_COORDINATOR);

    @LocalServerPort
    int port;
    @Autowired
    RoadmapService roadmaps;
    @Autowired
    RoadmapStore store;
    @Autowired
    GovernanceService governance;
    @Autowired
    GovernanceBodies bodies;

    @Override
    protected int port() {
        return port;
    }

    @State("a committee member of région 28 is signed in")
    public void memberSignedIn() {
        signIn(TestIssuer.token(MEMBER));
    }

    @State("a national coordinator is signed in")
    public void coordinatorSignedIn() {
        signIn(TestIssuer.token(COORDINATOR));
    }

    @State("région 28's committee has no roadmap for a year")
    public Map<String, Object> freeYear() {
        GovernanceBody committee = committee();
        for (int year = 2000; year <= 2100; year++) {
            if (!store.existsCommitteePeriod(committee.id(), year, year)) {
                return Map.of("year", year);
            }
        }
        throw new AssertionError("région " + REGION + "'s committee has a roadmap for every year");
    }

    @State("région 28's committee has a draft roadmap with a financial line")
    public Map<String, Object> draft() {
        return ids(withFinancialLine());
    }

    @State("région 28's roadmap with a financial line is under review")
    public Map<String, Object> underReview() {
        return ids(underReview(withFinancialLine()));
    }

    @State("région 28's roadmap with a financial line is arbitrated")
    public Map<String, Object> arbitrated() {
        return ids(arbitrated(underReview(withFinancialLine())));
    }

    @State("région 28 has a published committee roadmap")
    public Map<String, Object> published() {
        Roadmap arbitrated = arbitrated(underReview(withFinancialLine()));
        return ids(roadmaps.publish(principal(COORDINATOR), arbitrated.id(), arbitrated.version()));
    }

    /** A draft of région 28's committee, for a year it has none yet, with one financial line. */
    private Roadmap withFinancialLine() {
        GovernanceBody committee = committee();
        DtPrincipal member = principal(MEMBER);
        Roadmap draft = null;
        for (int year = 2000; draft == null && year <= 2100; year++) {
            if (!store.existsCommitteePeriod(committee.id(), year, year)) {
                try {
                    draft = roadmaps.createCommitteeRoadmap(member, REGION, Period.year(year),
                            "Feuille de route du comité normand");
                } catch (ConflictException taken) {
                    // filed meanwhile: the next year
                }
            }
        }
        if (draft == null) {
            throw new AssertionError("région " + REGION + "'s committee has a roadmap for every year");
        }
        return roadmaps.addItem(member, draft.id(), draft.version(), Item.create(UUID.randomUUID(),
                "Animation du comité", null, null, null, new ItemContent.FinancialLine(new BigDecimal("15000.50"),
                        2027, FundingSource.STATE), null, null, List.of()));
    }

    private Roadmap underReview(Roadmap draft) {
        Roadmap submitted = roadmaps.submit(principal(MEMBER), draft.id(), draft.version());
        return roadmaps.startReview(principal(COORDINATOR), submitted.id(), submitted.version());
    }

    private Roadmap arbitrated(Roadmap underReview) {
        return roadmaps.arbitrate(principal(COORDINATOR), underReview.id(), underReview.version(),
                Map.of(line(underReview).id(), new Grant(new BigDecimal("12000.00"), null, "Enveloppe régionale limitée")));
    }

    private static Item line(Roadmap roadmap) {
        return roadmap.items().getFirst();
    }

    private static Map<String, Object> ids(Roadmap roadmap) {
        return Map.of("roadmapId", roadmap.id().toString(), "version", roadmap.version(),
                "itemId", line(roadmap).id().toString());
    }

    /** Région 28's committee, created by a coordinator the first time. */
    private GovernanceBody committee() {
        return bodies.committeeOf(REGION).orElseGet(() -> governance.createCommittee(principal(COORDINATOR), REGION,
                "Comité territorial de la donnée de Normandie", Set.of()));
    }

    private static DtPrincipal principal(DevTokenRequest user) {
        return new DtPrincipal(user.subject(), user.name(), user.roles(), user.region(), user.ministry(), user.siren());
    }
}
