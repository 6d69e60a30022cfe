package fr.dataterritoires.portal.integration;

import static fr.dataterritoires.portal.integration.PactClients.INSTANT;
import static fr.dataterritoires.portal.integration.PactClients.JSON;
import static fr.dataterritoires.portal.integration.PactClients.UUID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import fr.dataterritoires.portal.application.InitiativeViews;
import fr.dataterritoires.testing.contracts.CommittedPacts;

/**
 * What the portal's public pages need of replication's REST API (docs/adr/0015-contract-tests.md): the initiatives of
 * a maturity and an initiative's page (its reach). Each request is sent by the portal's real client
 * ({@link RestReplicatedInitiatives} on {@link ServiceClients}) to Pact's mock server and what the client makes of the
 * answer is asserted; the answers pin, by type or pattern, what the pages read and every member the portal's records
 * hold as primitives. replication writes its answers as maps, not records: the pact is what keeps their names. The
 * pact is committed in libs/contracts/pacts and verified by replication against the real service.
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "replication", pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
class ReplicationPactTest {

    /** replication's provider state (its verification creates the initiative through its application layer). */
    static final String VALIDATED = "Lyon's initiative has been validated";

    private static final String INITIATIVE_ID = "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f";
    private static final String MATURITY = "EXPERIMENT|VALIDATED|ACCELERATED|REPLICATED|SUSTAINED";
    private static final String LEVEL = "IRIS|QPV|COMMUNE|EPCI|DEPARTEMENT|REGION|NATIONAL";

    @Pact(consumer = "portal")
    V4Pact validatedInitiatives(PactDslWithProvider builder) {
        return builder.given(VALIDATED)
                .uponReceiving("the validated initiatives, for anyone")
                .method("GET").path("/api/initiatives").query("limit=200&maturity=VALIDATED")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                // every validated initiative: a problem and territories are optional, the list shows them when given
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(i -> {
                    initiative(i);
                    i.eachLike("territories", ReplicationPactTest::territory);
                    i.stringMatcher("maturity", MATURITY, "VALIDATED");
                })).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "validatedInitiatives")
    void theInitiativesOfAMaturityAreListed(MockServer server) {
        List<InitiativeViews.Initiative> initiatives = replication(server).initiatives("VALIDATED");

        assertThat(initiatives).hasSize(1);
        InitiativeViews.Initiative initiative = initiatives.getFirst();
        assertThat(initiative.id()).isEqualTo(INITIATIVE_ID);
        assertThat(initiative.title()).isEqualTo("Covoiturage du quotidien");
        assertThat(initiative.maturityLabel()).isEqualTo("validée");
        assertThat(initiative.territories()).extracting(InitiativeViews.Territory::name).containsExactly("Lyon");
    }

    @Pact(consumer = "portal")
    V4Pact anInitiativesPage(PactDslWithProvider builder) {
        return builder.given(VALIDATED)
                .uponReceiving("an initiative's page, with its reach")
                .method("GET").pathFromProviderState("/api/initiatives/${initiativeId}",
                        "/api/initiatives/" + INITIATIVE_ID)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(page -> {
                    initiative(page);
                    page.stringType("problem", "Les trajets domicile-travail se font seuls en voiture.");
                    page.minArrayLike("territories", 1, ReplicationPactTest::territory);
                    page.stringMatcher("maturity", MATURITY, "VALIDATED");
                    // every number the reach shows (the portal's record holds them as primitives)
                    page.object("reach", reach -> {
                        reach.integerType("distinctTerritories", 1);
                        reach.integerType("communes", 1);
                        reach.integerType("population", 522250);
                        reach.integerType("liveReplications", 0);
                        reach.minArrayLike("territories", 1, ReplicationPactTest::territory);
                        reach.array("lineage", lineage -> {
                        });
                    });
                    // whether a part (commons-calls' funding) could not be read, and which
                    page.booleanType("partial", false);
                    page.array("missing", missing -> {
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "anInitiativesPage")
    void anInitiativesPageShowsItsReach(MockServer server) {
        InitiativeViews.Page page = replication(server).initiative(INITIATIVE_ID);

        assertThat(page.id()).isEqualTo(INITIATIVE_ID);
        assertThat(page.reach().distinctTerritories()).isEqualTo(1);
        assertThat(page.reach().population()).isEqualTo(522250);
        assertThat(page.reach().territories().getFirst().key()).isEqualTo("commune:69123");
        assertThat(page.partial()).isFalse();
        assertThat(page.missing()).isEmpty();
    }

    // ---- shapes -------------------------------------------------------------------------------------------------

    /** An initiative as the list and its page read it (its territories aside). */
    private static void initiative(LambdaDslObject i) {
        i.stringMatcher("id", UUID, INITIATIVE_ID);
        i.stringType("title", "Covoiturage du quotidien");
        i.stringType("policyDomain", "Mobilité");
        i.and("leadSiren", "200046977", TypeMatcher.INSTANCE, new RegexMatcher("\\d{9}"));
        i.stringType("maturityLabel", "validée");
        i.stringMatcher("validatedAt", INSTANT, "2026-11-30T09:00:00Z");
        i.eachLike("labels", PactDslJsonRootValue.stringType("Territoire numérique libre"), 1);
    }

    private static void territory(LambdaDslObject t) {
        t.stringType("key", "commune:69123");
        t.stringMatcher("level", LEVEL, "COMMUNE");
        t.stringType("code", "69123");
        t.stringType("name", "Lyon");
    }

    /** The portal's real client on the mock server as replication's base URL. */
    private static RestReplicatedInitiatives replication(MockServer server) {
        return new RestReplicatedInitiatives(PactClients.on(server, RestReplicatedInitiatives.SERVICE));
    }
}
