package fr.dataterritoires.portal.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.core.context.SecurityContextHolder;

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
import fr.dataterritoires.portal.application.AccessRequestReceipt;
import fr.dataterritoires.portal.application.DatasetDetail;
import fr.dataterritoires.portal.application.HarvestViews;
import fr.dataterritoires.portal.application.SearchPage;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.application.TerritoryChoice;
import fr.dataterritoires.portal.domain.AccessRequestDraft;
import fr.dataterritoires.portal.domain.SearchCriteria;
import fr.dataterritoires.portal.domain.SearchFacet;
import fr.dataterritoires.testing.contracts.CommittedPacts;

/**
 * What the portal needs of dataset-search's REST API (docs/adr/0015-contract-tests.md): each request is sent by the
 * portal's real client ({@link RestDatasetCatalogue} on {@link ServiceClients}: the query it builds from
 * {@link SearchCriteria}, the user's token relayed, problem+json refusals read per field) to Pact's mock server, and
 * what the client makes of the answer is asserted. The answers pin, by type or pattern, only what the pages read.
 * The pact is committed in libs/contracts/pacts and verified by dataset-search against the real service.
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "dataset-search", pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
class DatasetSearchPactTest {

    /** dataset-search's provider states (its verification creates what they say through its application layer). */
    static final String CATALOGUED = "an open dataset of Lyon's local addresses and a restricted one are catalogued";
    static final String APPLICANT_SIGNED_IN = "an applicant is signed in";
    static final String APPLICANT_HAS_ASKED = "the applicant has asked for access to the restricted dataset";
    static final String COORDINATOR_SIGNED_IN = "a national coordinator is signed in";
    static final String SOURCE_TO_HARVEST = "a DCAT source not harvested yet";
    /** The source the catalogue is harvested from (the state {@value #CATALOGUED} declares it). */
    private static final String SOURCE = "contrat-portail";
    private static final String RUN_ID = "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a";
    private static final String RUN_STATUS = "RUNNING|COMPLETED|FAILED";

    private static final String OPEN_ID = "3f6c9a52-7d1e-4b8a-9c0f-2e5d6a7b8c9d";
    private static final String RESTRICTED_ID = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String UUID = PactClients.UUID;
    private static final String ACCESS_LEVEL = "OPEN|SHARED|RESTRICTED";
    private static final String TERRITORY_LEVEL = "commune|epci|departement|region";
    private static final String BEARER = PactClients.BEARER;
    private static final String TOKEN = PactClients.TOKEN;
    /** RFC 3339 in UTC, as Jackson writes an {@link Instant} (0, 3, 6 or 9 decimals). */
    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    private static final String JSON = "application/json.*";
    private static final String PROBLEM = "application/problem\\+json.*";
    private static final Instant MODIFIED = Instant.parse("2026-03-02T00:00:00Z");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // ---- search -------------------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact textSearch(PactDslWithProvider builder) {
        return builder.given(CATALOGUED)
                .uponReceiving("a search for words, first page")
                .method("GET").path("/api/datasets").query("q=adresses&page=1&size=10")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(page -> {
                    page.integerType("total", 1);
                    page.integerType("page", 1);
                    page.integerType("size", 10);
                    page.minArrayLike("datasets", 1, DatasetSearchPactTest::result);
                    page.object("facets", facets -> {
                        facets.minArrayLike("accessLevels", 1, v -> {
                            v.stringType("value", "OPEN");
                            v.stringType("label", "ouvert");
                            v.integerType("count", 1);
                        });
                        // themes are free words: a value and its count, no label
                        facets.minArrayLike("themes", 1, v -> {
                            v.stringType("value", "Adresses");
                            v.integerType("count", 1);
                        });
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "textSearch")
    void aSearchPageListsResultsAndFacets(MockServer server) {
        SearchPage page = catalogue(server).search(new SearchCriteria("adresses", null, Map.of(), null, 1));

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.page()).isEqualTo(1);
        SearchPage.Result result = page.datasets().getFirst();
        assertThat(result.id()).isEqualTo(OPEN_ID);
        assertThat(result.title()).isEqualTo("Base adresse locale de Lyon");
        assertThat(result.excerpt()).contains("adresses");
        assertThat(result.producer().name()).isEqualTo("Métropole de Lyon");
        assertThat(result.accessLevel().code()).isEqualTo("OPEN");
        assertThat(result.accessLevel().label()).isEqualTo("ouvert");
        assertThat(result.coverage().territories().getFirst().name()).isEqualTo("Lyon");
        assertThat(result.formats()).containsExactly("CSV");
        assertThat(result.qualityScore()).isEqualTo(0.75);
        assertThat(page.facet("accessLevels")).extracting(SearchPage.FacetValue::value).containsExactly("OPEN");
        assertThat(page.facet("themes").getFirst().count()).isEqualTo(1);
    }

    @Pact(consumer = "portal")
    V4Pact filteredSearch(PactDslWithProvider builder) {
        // every filter the page offers, as the page sends them: dataset-search refuses an unknown parameter name
        return builder.given(CATALOGUED)
                .uponReceiving("a search narrowed by territory and every facet, sorted, second page")
                .method("GET").path("/api/datasets")
                .query("q=adresse&territory=commune:69123&accessLevel=OPEN&theme=Adresses&producerType=EPCI"
                        + "&organisation=200046977&format=CSV&licence=etalab-2.0"
                        + "&schema=etalab/schema-bal&sort=recency&page=2&size=10")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(page -> {
                    page.integerType("total", 1);
                    page.integerType("page", 2);
                    page.integerType("size", 10);
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "filteredSearch")
    void everyFilterOfThePageIsSentUnderTheNameDatasetSearchKnows(MockServer server) {
        Map<SearchFacet, Set<String>> selected = Map.of(
                SearchFacet.ACCESS_LEVELS, Set.of("OPEN"),
                SearchFacet.THEMES, Set.of("Adresses"),
                SearchFacet.PRODUCER_TYPES, Set.of("EPCI"),
                SearchFacet.ORGANISATIONS, Set.of("200046977"),
                SearchFacet.FORMATS, Set.of("CSV"),
                SearchFacet.LICENCES, Set.of("etalab-2.0"),
                SearchFacet.SCHEMAS, Set.of("etalab/schema-bal"));
        assertThat(selected).as("a facet added to the page must be added to this pact").hasSize(SearchFacet.values().length);

        SearchPage page = catalogue(server).search(new SearchCriteria("adresse", "commune:69123", selected, "recency", 2));

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.page()).isEqualTo(2);
    }

    @Pact(consumer = "portal")
    V4Pact territorySuggestions(PactDslWithProvider builder) {
        return builder.uponReceiving("territory suggestions for a name being typed")
                .method("GET").path("/api/datasets/suggestions").query("q=Lyon")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> body.minArrayLike("territories", 1, t -> {
                    t.stringMatcher("key", "(" + TERRITORY_LEVEL + "):[0-9A-Za-z]{1,12}", "commune:69123");
                    t.stringMatcher("level", TERRITORY_LEVEL, "commune");
                    t.stringMatcher("code", "[0-9A-Za-z]{1,12}", "69123");
                    t.stringType("name", "Lyon");
                })).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "territorySuggestions")
    void territoriesAreSuggestedForThePicker(MockServer server) {
        List<TerritoryChoice> choices = catalogue(server).territories(" Lyon ");

        assertThat(choices).containsExactly(new TerritoryChoice("commune:69123", "commune", "69123", "Lyon"));
        assertThat(choices.getFirst().display()).isEqualTo("Lyon (Commune 69123)");
    }

    // ---- dataset page -------------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact datasetPage(PactDslWithProvider builder) {
        return builder.given(CATALOGUED)
                .uponReceiving("the open dataset's page")
                .method("GET").pathFromProviderState("/api/datasets/${openDatasetId}", "/api/datasets/" + OPEN_ID)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(d -> {
                    d.stringMatcher("id", UUID, OPEN_ID);
                    d.object("description", description -> {
                        description.stringType("title", "Base adresse locale de Lyon");
                        description.stringType("description", "Les adresses de la Métropole de Lyon.");
                        description.minArrayLike("keywords", 1, PactDslJsonRootValue.stringType("adresse"), 1);
                        description.object("producer", p -> p.stringType("name", "Métropole de Lyon"));
                        description.stringType("producerTypeLabel", "EPCI");
                        description.stringType("licence", "etalab-2.0");
                        description.minArrayLike("distributions", 1, r -> {
                            r.stringType("title", "Adresses (CSV)");
                            r.stringType("format", "CSV");
                            r.stringType("downloadUrl", "https://exemple.fr/bal-lyon.csv");
                            r.booleanType("openFormat", true);
                        });
                        description.object("access", a -> {
                            a.stringMatcher("level", ACCESS_LEVEL, "OPEN");
                            a.stringType("label", "ouvert");
                        });
                        description.object("coverage", c -> c.minArrayLike("territories", 1,
                                t -> t.stringType("code", "69123")));
                        description.stringMatcher("modified", INSTANT, MODIFIED.toString());
                    });
                    d.object("quality", q -> {
                        q.numberType("score", 0.75);
                        q.minArrayLike("criteria", 1, c -> {
                            c.stringType("label", "Licence ouverte");
                            c.booleanType("met", true);
                        });
                    });
                    // all four: the portal's record has them as primitives, an absent one fails the page
                    d.object("demand", demand -> {
                        demand.integerType("priorityDeclarations", 0);
                        demand.booleanType("nationalPriority", false);
                        demand.integerType("accessRequests", 0);
                        demand.booleanType("priority", false);
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "datasetPage")
    void aDatasetPageShowsItsDescriptionQualityAndDemand(MockServer server) {
        DatasetDetail dataset = catalogue(server).dataset(OPEN_ID);

        assertThat(dataset.id()).isEqualTo(OPEN_ID);
        assertThat(dataset.isOpen()).isTrue();
        DatasetDetail.Description d = dataset.description();
        assertThat(d.title()).isEqualTo("Base adresse locale de Lyon");
        assertThat(d.keywords()).containsExactly("adresse");
        assertThat(d.producer().name()).isEqualTo("Métropole de Lyon");
        assertThat(d.producerTypeLabel()).isEqualTo("EPCI");
        assertThat(d.distributions().getFirst().link()).isEqualTo("https://exemple.fr/bal-lyon.csv");
        assertThat(d.distributions().getFirst().openFormat()).isTrue();
        assertThat(d.coverage().territories().getFirst().code()).isEqualTo("69123");
        assertThat(d.modified()).isEqualTo(MODIFIED);
        assertThat(dataset.quality().percent()).isEqualTo(75);
        assertThat(dataset.quality().met()).isEqualTo(1);
        assertThat(dataset.demand().priority()).isFalse();
    }

    @Pact(consumer = "portal")
    V4Pact unknownDataset(PactDslWithProvider builder) {
        return builder.uponReceiving("the page of a dataset the catalogue does not hold")
                .method("GET").path("/api/datasets/00000000-0000-4000-8000-000000000000")
                .willRespondWith().status(404).matchHeader("Content-Type", PROBLEM, "application/problem+json")
                .body(LambdaDsl.newJsonBody(DatasetSearchPactTest::problem).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unknownDataset")
    void anUnknownDatasetIsARefusalWithItsStatus(MockServer server) {
        assertThatThrownBy(() -> catalogue(server).dataset("00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(ServiceRefusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(404);
                    assertThat(refusal.title()).isEqualTo("Ressource introuvable");
                    assertThat(refusal.detail()).isNotBlank();
                });
    }

    // ---- access requests ----------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact accessRequest(PactDslWithProvider builder) {
        return builder.given(CATALOGUED).given(APPLICANT_SIGNED_IN)
                .uponReceiving("an access request for the restricted dataset, by the signed-in user")
                .method("POST").path("/api/access-requests")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(LambdaDsl.newJsonBody(body -> draft(body, "2027-01-01", "2027-12-31")).build())
                .willRespondWith().status(201).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(DatasetSearchPactTest::receipt).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "accessRequest")
    void anAccessRequestIsSentWithTheUsersTokenAndItsReceiptRead(MockServer server) {
        signIn();

        AccessRequestReceipt receipt = catalogue(server).submitAccessRequest(new AccessRequestDraft(RESTRICTED_ID,
                " ", "Nathan Richard", "nathan.richard@exemple.fr", "Étude des consommations d'eau par quartier",
                "2027-01-01", "2027-12-31", null));

        assertReceipt(receipt);
    }

    @Pact(consumer = "portal")
    V4Pact refusedAccessRequest(PactDslWithProvider builder) {
        return builder.given(CATALOGUED).given(APPLICANT_SIGNED_IN)
                .uponReceiving("an access request whose period ends before it starts")
                .method("POST").path("/api/access-requests")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(LambdaDsl.newJsonBody(body -> draft(body, "2027-12-31", "2027-01-01")).build())
                // a business rule broken: 422, the field named in the problem's errors
                .willRespondWith().status(422).matchHeader("Content-Type", PROBLEM, "application/problem+json")
                .body(LambdaDsl.newJsonBody(problem -> {
                    problem.stringType("title", "Règle métier non respectée");
                    problem.stringType("detail", "La date de fin souhaitée (wishedEnd, 2027-01-01) doit être "
                            + "postérieure à la date de début (2027-12-31).");
                    problem.minArrayLike("errors", 1, e -> {
                        e.stringValue("field", "wishedEnd");
                        e.stringType("message", "La date de fin souhaitée doit être postérieure à la date de début.");
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "refusedAccessRequest")
    void aRefusedRequestNamesTheFieldTheFormShowsItNextTo(MockServer server) {
        signIn();

        assertThatThrownBy(() -> catalogue(server).submitAccessRequest(new AccessRequestDraft(RESTRICTED_ID, null,
                "Nathan Richard", "nathan.richard@exemple.fr", "Étude des consommations d'eau par quartier",
                "2027-12-31", "2027-01-01", "")))
                .isInstanceOfSatisfying(ServiceRefusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(422);
                    assertThat(refusal.fieldErrors()).containsOnlyKeys("wishedEnd");
                });
    }

    @Pact(consumer = "portal")
    V4Pact myAccessRequests(PactDslWithProvider builder) {
        return builder.given(CATALOGUED).given(APPLICANT_SIGNED_IN).given(APPLICANT_HAS_ASKED)
                .uponReceiving("the signed-in user's own access requests")
                .method("GET").path("/api/access-requests").query("view=MINE&limit=50")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(DatasetSearchPactTest::receipt)).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "myAccessRequests")
    void theUsersRequestsAreListed(MockServer server) {
        signIn();

        List<AccessRequestReceipt> requests = catalogue(server).myAccessRequests();

        assertThat(requests).hasSize(1);
        assertReceipt(requests.getFirst());
    }

    // ---- harvests (the national coordinator's pages) -------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact harvestSources(PactDslWithProvider builder) {
        return builder.given(CATALOGUED)
                .uponReceiving("the harvested sources")
                .method("GET").path("/api/sources")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                // a schedule and a default producer are optional: absent, the page shows none
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(source -> {
                    source.stringType("id", SOURCE);
                    source.stringType("name", "Catalogue du contrat du portail");
                    source.stringMatcher("kind", "DCAT|CSW|DATAGOUV|CKAN", "DCAT");
                    source.stringType("url", "https://contrats.exemple.fr/catalogue.ttl");
                    source.booleanType("enabled", true);
                    source.stringMatcher("defaultAccessLevel", ACCESS_LEVEL, "OPEN");
                })).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "harvestSources")
    void theSourcesAreListed(MockServer server) {
        List<HarvestViews.Source> sources = harvests(server).sources();

        assertThat(sources).extracting(HarvestViews.Source::id).containsExactly(SOURCE);
        assertThat(sources.getFirst().enabled()).isTrue();
        assertThat(sources.getFirst().kind()).isEqualTo("DCAT");
    }

    @Pact(consumer = "portal")
    V4Pact sourceRuns(PactDslWithProvider builder) {
        return builder.given(CATALOGUED)
                .uponReceiving("a source's latest harvest runs")
                .method("GET").path("/api/sources/" + SOURCE + "/runs").query("limit=3")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(run -> {
                    run(run);
                    run.stringMatcher("finished", INSTANT, "2026-11-30T02:00:04Z");
                })).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "sourceRuns")
    void aSourcesRunsAreListed(MockServer server) {
        List<HarvestViews.Run> runs = harvests(server).runs(SOURCE, 3);

        assertThat(runs).hasSize(1);
        assertRun(runs.getFirst());
        assertThat(runs.getFirst().finished()).isNotNull();
    }

    @Pact(consumer = "portal")
    V4Pact harvestRun(PactDslWithProvider builder) {
        return builder.given(CATALOGUED)
                .uponReceiving("a harvest run")
                .method("GET").pathFromProviderState("/api/harvest-runs/${harvestRunId}", "/api/harvest-runs/" + RUN_ID)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(DatasetSearchPactTest::run).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "harvestRun")
    void aRunIsShownWithItsCounts(MockServer server) {
        HarvestViews.Run run = harvests(server).run(RUN_ID);

        assertRun(run);
        assertThat(run.summary()).contains("2 fiches traitées", "2 nouveaux jeux", "0 fiche en échec");
    }

    @Pact(consumer = "portal")
    V4Pact runFailures(PactDslWithProvider builder) {
        return builder.given(CATALOGUED).given(COORDINATOR_SIGNED_IN)
                .uponReceiving("the records a harvest run could not read, for a coordinator")
                .method("GET").pathFromProviderState("/api/harvest-runs/${harvestRunId}/failures",
                        "/api/harvest-runs/" + RUN_ID + "/failures").query("offset=0&limit=50")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                // the catalogue's records are all readable: the page then says so, from the total
                .body(LambdaDsl.newJsonBody(page -> {
                    page.stringMatcher("runId", UUID, RUN_ID);
                    page.integerType("total", 0);
                    page.integerType("offset", 0);
                    page.integerType("limit", 50);
                    page.array("failures", failures -> {
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "runFailures")
    void aRunsUnreadableRecordsArePaged(MockServer server) {
        PactClients.signIn();

        HarvestViews.FailurePage page = harvests(server).failures(RUN_ID, 0, 50);

        assertThat(page.runId()).isEqualTo(RUN_ID);
        assertThat(page.total()).isZero();
        assertThat(page.failures()).isEmpty();
    }

    @Pact(consumer = "portal")
    V4Pact startARun(PactDslWithProvider builder) {
        return builder.given(COORDINATOR_SIGNED_IN).given(SOURCE_TO_HARVEST)
                .uponReceiving("a coordinator starts a harvest of a source")
                .method("POST").pathFromProviderState("/api/sources/${sourceId}/runs",
                        "/api/sources/contrat-moisson/runs")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                // the run goes on in the background: the answer is the running run, which the page then follows
                .willRespondWith().status(202).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(run -> run(run, "contrat-moisson", "RUNNING", 0)).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startARun")
    void aCoordinatorStartsARun(MockServer server) {
        PactClients.signIn();

        HarvestViews.Run run = harvests(server).start("contrat-moisson");

        assertThat(run.id()).isEqualTo(RUN_ID);
        assertThat(run.isRunning()).isTrue();
        assertThat(run.statusLabel()).isEqualTo("En cours");
        assertThat(run.counts().processed()).isZero();
    }

    // ---- shapes -------------------------------------------------------------------------------------------------

    /** A run as the source's page and the run's page read it; every primitive of the portal's record. */
    private static void run(LambdaDslObject run) {
        run(run, SOURCE, "COMPLETED", 2);
    }

    private static void run(LambdaDslObject run, String source, String status, int created) {
        run.stringMatcher("id", UUID, RUN_ID);
        run.stringType("sourceId", source);
        run.stringMatcher("trigger", "SCHEDULE|ON_DEMAND", "ON_DEMAND");
        run.stringMatcher("status", RUN_STATUS, status);
        run.stringMatcher("started", INSTANT, "2026-11-30T02:00:00Z");
        run.integerType("durationMs", 4000);
        run.object("counts", counts -> {
            counts.integerType("new", created);
            counts.integerType("updated", 0);
            counts.integerType("unchanged", 0);
            counts.integerType("withdrawn", 0);
            counts.integerType("failed", 0);
        });
    }

    private static void assertRun(HarvestViews.Run run) {
        assertThat(run.id()).isEqualTo(RUN_ID);
        assertThat(run.sourceId()).isEqualTo(SOURCE);
        assertThat(run.triggerLabel()).isEqualTo("À la demande");
        assertThat(run.statusLabel()).isEqualTo("Terminée");
        assertThat(run.counts().created()).isEqualTo(2);
        assertThat(run.counts().processed()).isEqualTo(2);
    }

    private static void result(LambdaDslObject r) {
        r.stringMatcher("id", UUID, OPEN_ID);
        r.stringType("title", "Base adresse locale de Lyon");
        r.stringType("excerpt", "Les adresses de la Métropole de Lyon.");
        r.object("producer", p -> p.stringType("name", "Métropole de Lyon"));
        r.object("accessLevel", a -> {
            a.stringMatcher("code", ACCESS_LEVEL, "OPEN");
            a.stringType("label", "ouvert");
        });
        r.object("coverage", c -> c.eachLike("territories", t -> {
            t.stringType("code", "69123");
            t.stringType("name", "Lyon");
        }));
        // a dataset may declare no distribution format: the page then shows none
        r.eachLike("formats", PactDslJsonRootValue.stringType("CSV"), 1);
        r.numberType("qualityScore", 0.75);
    }

    private static void problem(LambdaDslObject problem) {
        problem.stringType("title", "Ressource introuvable");
        problem.stringType("detail", "Aucun jeu de données 00000000-0000-4000-8000-000000000000.");
    }

    /** The body {@link RestDatasetCatalogue#submitAccessRequest} writes (the fields it leaves empty as nulls). */
    private static void draft(LambdaDslObject body, String start, String end) {
        body.valueFromProviderState("datasetId", "${restrictedDatasetId}", RESTRICTED_ID);
        body.nullValue("organisationSiren");
        body.stringType("requesterName", "Nathan Richard");
        body.stringType("requesterEmail", "nathan.richard@exemple.fr");
        body.stringType("purpose", "Étude des consommations d'eau par quartier");
        body.stringValue("wishedStart", start);
        body.stringValue("wishedEnd", end);
        body.nullValue("legalBasis");
    }

    private static void receipt(LambdaDslObject r) {
        r.stringMatcher("id", UUID, "0c1d2e3f-4a5b-4c6d-8e7f-a0b1c2d3e4f5");
        r.stringMatcher("datasetId", UUID, RESTRICTED_ID);
        r.stringType("datasetTitle", "Consommations d'eau de Lyon");
        // every state dataset-search has, the one-month silence included (the page shows stateLabel)
        r.stringMatcher("state", "SUBMITTED|ACKNOWLEDGED|GRANTED|REFUSED|IMPLICITLY_REFUSED|WITHDRAWN", "SUBMITTED");
        r.stringType("stateLabel", "déposée");
        r.stringMatcher("submittedAt", INSTANT, "2026-12-01T09:30:00Z");
        r.stringMatcher("deadline", DATE, "2027-01-01");
        r.booleanType("overdue", false);
    }

    private static void assertReceipt(AccessRequestReceipt receipt) {
        assertThat(receipt.id()).isEqualTo("0c1d2e3f-4a5b-4c6d-8e7f-a0b1c2d3e4f5");
        assertThat(receipt.datasetId()).isEqualTo(RESTRICTED_ID);
        assertThat(receipt.datasetTitle()).isEqualTo("Consommations d'eau de Lyon");
        assertThat(receipt.stateLabel()).isEqualTo("déposée");
        assertThat(receipt.submittedAt()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(receipt.deadline()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(receipt.overdue()).isFalse();
    }

    // ---- the portal's client, on the mock server ----------------------------------------------------------------

    /** The portal's real client on the mock server as dataset-search's base URL (the gateway adds only a prefix). */
    private static RestDatasetCatalogue catalogue(MockServer server) {
        return new RestDatasetCatalogue(PactClients.on(server, RestDatasetCatalogue.SERVICE));
    }

    /** The portal's real harvest client, on the same service. */
    private static RestHarvests harvests(MockServer server) {
        return new RestHarvests(PactClients.on(server, RestHarvests.SERVICE));
    }

    private static void signIn() {
        PactClients.signIn();
    }
}
