package fr.dataterritoires.portal.integration;

import static fr.dataterritoires.portal.integration.PactClients.BEARER;
import static fr.dataterritoires.portal.integration.PactClients.DATE;
import static fr.dataterritoires.portal.integration.PactClients.INSTANT;
import static fr.dataterritoires.portal.integration.PactClients.JSON;
import static fr.dataterritoires.portal.integration.PactClients.TOKEN;
import static fr.dataterritoires.portal.integration.PactClients.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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
import fr.dataterritoires.portal.application.ExchangeViews;
import fr.dataterritoires.portal.domain.FormValues;
import fr.dataterritoires.testing.contracts.CommittedPacts;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the portal's exchange pages need of exchanges' REST API (docs/adr/0015-contract-tests.md): an agent's journey
 * (the published offers of a région, an offer, applying, their applications, the trainings, enrolling, their
 * personal data exported then erased). Each request is sent by the portal's real client ({@link RestExchangeProgramme}
 * on {@link ServiceClients}) to Pact's mock server and what the client makes of the answer is asserted; the answers pin,
 * by type or pattern, what the pages read and every member the portal's records hold as primitives. The pact is
 * committed in libs/contracts/pacts and verified by exchanges against the real service.
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "exchanges", pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
class ExchangesPactTest {

    /** exchanges' provider states (its verification creates what they say through its application layer). */
    static final String OFFER = "a State service has published an offer in région 84";
    static final String AGENT_SIGNED_IN = "a territorial agent is signed in";
    static final String AGENT_HAS_APPLIED = "the agent has applied to the offer";
    static final String TRAINING = "a training open to territorial agents";

    private static final String OFFER_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String TRAINING_ID = "6f5e4d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f";
    private static final String APPLICATION_STATUS = "SUBMITTED|EMPLOYER_APPROVED|EMPLOYER_REFUSED|HOST_REFUSED"
            + "|ACCEPTED|WITHDRAWN";
    private static final String ENROLMENT_STATUS = "AWAITING_CONSENT|ENROLLED|CONSENT_REFUSED|COMPLETED|WITHDRAWN";

    @AfterEach
    void signOut() {
        PactClients.signOut();
    }

    // ---- offers -------------------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact publishedOffers(PactDslWithProvider builder) {
        return builder.given(OFFER)
                .uponReceiving("the published offers of a région, for anyone")
                .method("GET").path("/api/offers").query("status=PUBLISHED&region=84")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                // every published offer of the région, those other tests write straight into the database too (without
                // windows): the list pins each window's shape, the offer's page that there is one
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(o -> {
                    offer(o);
                    o.eachLike("windows", ExchangesPactTest::window);
                })).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "publishedOffers")
    void theOffersOfARegionAreListed(MockServer server) {
        List<ExchangeViews.Offer> offers = exchanges(server).offers(" 84 ");

        assertThat(offers).hasSize(1);
        assertOffer(offers.getFirst());
    }

    @Pact(consumer = "portal")
    V4Pact anOffer(PactDslWithProvider builder) {
        return builder.given(OFFER)
                .uponReceiving("a published offer's page")
                .method("GET").pathFromProviderState("/api/offers/${offerId}", "/api/offers/" + OFFER_ID)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(o -> {
                    offer(o);
                    o.minArrayLike("windows", 1, ExchangesPactTest::window);
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "anOffer")
    void anOffersPageShowsItsWindowsAndPlaces(MockServer server) {
        assertOffer(exchanges(server).offer(OFFER_ID));
    }

    // ---- applying -----------------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact apply(PactDslWithProvider builder) {
        return builder.given(OFFER).given(AGENT_SIGNED_IN)
                .uponReceiving("a territorial agent applies to an offer")
                .method("POST").pathFromProviderState("/api/offers/${offerId}/applications",
                        "/api/offers/" + OFFER_ID + "/applications")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> {
                    body.stringValue("employerSide", "TERRITORIAL");
                    body.stringValue("employerRegionCode", "84");
                    body.stringValue("startDate", "2030-02-03");
                    body.stringValue("endDate", "2030-02-12");
                    body.stringValue("motivation", "Comprendre comment l'État publie ses données.");
                    body.object("agent", agent -> {
                        agent.stringValue("name", "Lucas Dubois");
                        agent.stringValue("email", "lucas.dubois@exemple.fr");
                        agent.stringValue("category", "A");
                    });
                }).build())
                .willRespondWith().status(201).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(ExchangesPactTest::application).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "apply")
    void anAgentApplies(MockServer server) {
        PactClients.signIn();
        FormValues form = FormValues.of(Map.of("employerSide", List.of("TERRITORIAL"),
                "employerRegionCode", List.of("84"), "startDate", List.of("2030-02-03"),
                "endDate", List.of("2030-02-12"), "motivation", List.of("Comprendre comment l'État publie ses données."),
                "agent.name", List.of("Lucas Dubois"), "agent.email", List.of("lucas.dubois@exemple.fr"),
                "agent.category", List.of("A")));

        assertApplication(exchanges(server).apply(OFFER_ID, form));
    }

    @Pact(consumer = "portal")
    V4Pact myApplications(PactDslWithProvider builder) {
        return builder.given(OFFER).given(AGENT_SIGNED_IN).given(AGENT_HAS_APPLIED)
                .uponReceiving("the signed-in agent's applications")
                .method("GET").path("/api/me/applications")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(ExchangesPactTest::application))
                        .build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "myApplications")
    void theAgentsApplicationsAreListed(MockServer server) {
        PactClients.signIn();

        List<ExchangeViews.Application> applications = exchanges(server).myApplications();

        assertThat(applications).hasSize(1);
        assertApplication(applications.getFirst());
    }

    // ---- trainings ----------------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact trainings(PactDslWithProvider builder) {
        return builder.given(TRAINING)
                .uponReceiving("the trainings, for anyone")
                .method("GET").path("/api/trainings")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(t -> {
                    t.stringMatcher("id", UUID, TRAINING_ID);
                    t.stringType("provider", "CNFPT");
                    t.stringType("title", "Publier des données ouvertes");
                    t.stringMatcher("format", "ONLINE|HYBRID|COHORT|PEER_LEARNING", "ONLINE");
                    t.integerType("hours", 6);
                    // every training of the catalogue: a description and competences are optional
                    t.eachLike("competences", PactDslJsonRootValue.stringType("ouverture des données"), 1);
                    t.eachLike("audiences", PactDslJsonRootValue.stringMatcher(
                            "STATE_AGENT|TERRITORIAL_AGENT|ELECTED_OFFICIAL", "TERRITORIAL_AGENT"), 1);
                    t.booleanType("employerConsentRequired", false);
                    t.booleanType("open", true);
                })).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "trainings")
    void theTrainingsAreListed(MockServer server) {
        List<ExchangeViews.Training> trainings = exchanges(server).trainings();

        assertThat(trainings).hasSize(1);
        ExchangeViews.Training training = trainings.getFirst();
        assertThat(training.id()).isEqualTo(TRAINING_ID);
        assertThat(training.title()).isEqualTo("Publier des données ouvertes");
        assertThat(training.hours()).isEqualTo(6);
        assertThat(training.audiences()).containsExactly("TERRITORIAL_AGENT");
        assertThat(training.open()).isTrue();
        assertThat(training.employerConsentRequired()).isFalse();
    }

    @Pact(consumer = "portal")
    V4Pact enrol(PactDslWithProvider builder) {
        return builder.given(TRAINING).given(AGENT_SIGNED_IN)
                .uponReceiving("a territorial agent enrols in a training")
                .method("POST").pathFromProviderState("/api/trainings/${trainingId}/enrolments",
                        "/api/trainings/" + TRAINING_ID + "/enrolments")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                // the side of the employer is not asked: the portal derives it from the category
                .body(LambdaDsl.newJsonBody(body -> {
                    body.stringValue("name", "Lucas Dubois");
                    body.stringValue("email", "lucas.dubois@exemple.fr");
                    body.stringValue("learnerCategory", "TERRITORIAL_AGENT");
                    body.stringValue("regionCode", "84");
                    body.stringValue("employerSide", "TERRITORIAL");
                }).build())
                .willRespondWith().status(201).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(e -> {
                    e.stringMatcher("id", UUID, "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f");
                    e.stringMatcher("trainingId", UUID, TRAINING_ID);
                    e.stringType("learnerCategory", "TERRITORIAL_AGENT");
                    e.stringMatcher("status", ENROLMENT_STATUS, "ENROLLED");
                    e.stringMatcher("enrolledAt", INSTANT, "2026-11-30T09:00:00Z");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "enrol")
    void anAgentEnrols(MockServer server) {
        PactClients.signIn();
        FormValues form = FormValues.of(Map.of("name", List.of("Lucas Dubois"),
                "email", List.of("lucas.dubois@exemple.fr"), "learnerCategory", List.of("TERRITORIAL_AGENT"),
                "regionCode", List.of("84")));

        ExchangeViews.Enrolment enrolment = exchanges(server).enrol(TRAINING_ID, form);

        assertThat(enrolment.trainingId()).isEqualTo(TRAINING_ID);
        assertThat(enrolment.status()).isEqualTo("ENROLLED");
        assertThat(enrolment.enrolledOn()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    // ---- personal data ------------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact personalDataExport(PactDslWithProvider builder) {
        return builder.given(OFFER).given(AGENT_SIGNED_IN).given(AGENT_HAS_APPLIED)
                .uponReceiving("the signed-in agent exports their personal data")
                .method("GET").path("/api/me/personal-data")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                // handed over as a JSON file: what it holds is exchanges' to say, that it holds the person is pinned
                .body(LambdaDsl.newJsonBody(data -> {
                    data.object("person", p -> {
                        p.stringType("name", "Lucas Dubois");
                        p.stringType("email", "lucas.dubois@exemple.fr");
                    });
                    data.minArrayLike("applications", 1, a -> a.stringMatcher("id", UUID,
                            "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a"));
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "personalDataExport")
    void theAgentDownloadsTheirData(MockServer server) {
        PactClients.signIn();

        String export = exchanges(server).myDataExport();

        var data = JsonMapper.builder().build().readTree(export);
        assertThat(data.path("person").path("email").asString()).isEqualTo("lucas.dubois@exemple.fr");
        assertThat(data.path("applications").size()).isEqualTo(1);
    }

    @Pact(consumer = "portal")
    V4Pact personalDataErasure(PactDslWithProvider builder) {
        return builder.given(OFFER).given(AGENT_SIGNED_IN).given(AGENT_HAS_APPLIED)
                .uponReceiving("the signed-in agent erases their personal data")
                .method("DELETE").path("/api/me/personal-data")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "personalDataErasure")
    void theAgentErasesTheirData(MockServer server) {
        PactClients.signIn();

        assertThatCode(() -> exchanges(server).eraseMyData()).doesNotThrowAnyException();
    }

    // ---- shapes -------------------------------------------------------------------------------------------------

    private static void window(LambdaDslObject w) {
        w.stringMatcher("startDate", DATE, "2030-02-01");
        w.stringMatcher("endDate", DATE, "2030-03-31");
    }

    /** An offer as the list and its page read it (its windows aside); every primitive of the portal's record. */
    private static void offer(LambdaDslObject o) {
        o.stringMatcher("id", UUID, OFFER_ID);
        o.stringType("hostName", "Direction régionale de l'environnement");
        o.stringMatcher("hostSide", "STATE|TERRITORIAL", "STATE");
        o.stringMatcher("regionCode", "[0-9]{2}", "84");
        o.stringType("title", "Découvrir la donnée de l'État");
        o.eachLike("topics", PactDslJsonRootValue.stringType("mobilité"), 1);
        o.stringType("activities", "Participer à l'ouverture des données de mobilité.");
        o.stringType("learningOutcomes", "Le cycle de vie d'un jeu de données publié.");
        o.integerType("minDays", 1);
        o.integerType("maxDays", 30);
        o.integerType("capacity", 2);
        o.integerType("placesTaken", 0);
        o.booleanType("full", false);
        o.stringMatcher("workMode", "ON_SITE|REMOTE|HYBRID", "HYBRID");
        // no place for a remote offer: absent then
        o.stringMatcher("status", "DRAFT|PUBLISHED|CLOSED", "PUBLISHED");
    }

    private static void assertOffer(ExchangeViews.Offer offer) {
        assertThat(offer.id()).isEqualTo(OFFER_ID);
        assertThat(offer.title()).isEqualTo("Découvrir la donnée de l'État");
        assertThat(offer.topics()).containsExactly("mobilité");
        assertThat(offer.windows()).containsExactly(new ExchangeViews.Window(LocalDate.of(2030, 2, 1),
                LocalDate.of(2030, 3, 31)));
        assertThat(offer.maxDays()).isEqualTo(30);
        assertThat(offer.capacity() - offer.placesTaken()).isEqualTo(2);
        assertThat(offer.full()).isFalse();
    }

    /** An application as the agent's pages read it; every primitive of the portal's record. */
    private static void application(LambdaDslObject a) {
        a.stringMatcher("id", UUID, "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a");
        a.stringMatcher("offerId", UUID, OFFER_ID);
        a.stringType("offerTitle", "Découvrir la donnée de l'État");
        a.object("agent", agent -> {
            agent.stringType("name", "Lucas Dubois");
            agent.stringType("email", "lucas.dubois@exemple.fr");
        });
        a.stringMatcher("startDate", DATE, "2030-02-03");
        a.stringMatcher("endDate", DATE, "2030-02-12");
        a.stringMatcher("status", APPLICATION_STATUS, "SUBMITTED");
        a.booleanType("waitlisted", false);
        a.stringMatcher("submittedAt", INSTANT, "2026-11-30T09:00:00Z");
    }

    private static void assertApplication(ExchangeViews.Application application) {
        assertThat(application.offerId()).isEqualTo(OFFER_ID);
        assertThat(application.offerTitle()).isEqualTo("Découvrir la donnée de l'État");
        assertThat(application.agent().email()).isEqualTo("lucas.dubois@exemple.fr");
        assertThat(application.startDate()).isEqualTo(LocalDate.of(2030, 2, 3));
        assertThat(application.status()).isEqualTo("SUBMITTED");
        assertThat(application.waitlisted()).isFalse();
        assertThat(application.submittedAt()).isNotNull();
    }

    /** The portal's real client on the mock server as exchanges' base URL. */
    private static RestExchangeProgramme exchanges(MockServer server) {
        return new RestExchangeProgramme(PactClients.on(server, RestExchangeProgramme.SERVICE));
    }
}
