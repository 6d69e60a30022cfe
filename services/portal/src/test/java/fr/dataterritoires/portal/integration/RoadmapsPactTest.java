package fr.dataterritoires.portal.integration;

import static fr.dataterritoires.portal.integration.PactClients.BEARER;
import static fr.dataterritoires.portal.integration.PactClients.INSTANT;
import static fr.dataterritoires.portal.integration.PactClients.JSON;
import static fr.dataterritoires.portal.integration.PactClients.TOKEN;
import static fr.dataterritoires.portal.integration.PactClients.UUID;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import fr.dataterritoires.portal.application.ConsolidationView;
import fr.dataterritoires.portal.application.ImportViews;
import fr.dataterritoires.portal.application.RoadmapView;
import fr.dataterritoires.portal.application.Roadmaps;
import fr.dataterritoires.portal.domain.ItemDraft;
import fr.dataterritoires.portal.domain.RoadmapItemKind;
import fr.dataterritoires.testing.contracts.CommittedPacts;

/**
 * What the portal's roadmap pages need of the roadmaps service's REST API (docs/adr/0015-contract-tests.md): the
 * committee's journey (file a roadmap, add a financial line, track it, submit), the national instance's (arbitrate,
 * publish) and the public list of a région's roadmaps. Each request is sent by the portal's real client
 * ({@link RestRoadmaps} on {@link ServiceClients}) to Pact's mock server and what the client makes of the answer is
 * asserted; the answers pin, by type or pattern, what the pages read and every member {@link RoadmapView} holds as a
 * primitive. The pact is committed in libs/contracts/pacts and verified by roadmaps against the real service.
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "roadmaps", pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
class RoadmapsPactTest {

    /** roadmaps' provider states (its verification creates what they say through its application layer). */
    static final String MEMBER_SIGNED_IN = "a committee member of région 28 is signed in";
    static final String COORDINATOR_SIGNED_IN = "a national coordinator is signed in";
    static final String FREE_YEAR = "région 28's committee has no roadmap for a year";
    static final String DRAFT = "région 28's committee has a draft roadmap with a financial line";
    static final String UNDER_REVIEW = "région 28's roadmap with a financial line is under review";
    static final String ARBITRATED = "région 28's roadmap with a financial line is arbitrated";
    static final String PUBLISHED = "région 28 has a published committee roadmap";

    private static final String ROADMAP_ID = "5b0e3c1a-2f4d-4e6a-9b8c-7d6e5f4a3b2c";
    private static final String ITEM_ID = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String ROADMAP_KIND = "COMMITTEE|MINISTERIAL";
    private static final String STATUS = "DRAFT|SUBMITTED|UNDER_REVIEW|CHANGES_REQUESTED|ARBITRATED|PUBLISHED";
    private static final String ITEM_KIND = "USE_CASE|DATASET|ROLE_ALLOCATION|FINANCIAL_LINE|ACTION|DATA_RETURN"
            + "|NATIONAL_TOOL";
    private static final String ITEM_STATUS = "PLANNED|IN_STUDY|IN_PROGRESS|COMPLETED|ABANDONED";
    private static final String FUNDING_SOURCE = "OWN_BUDGET|STATE|CALL_FOR_COMMONS|PRECIPUT";
    private static final int YEAR = 2031;
    /** A file of two financial lines as the import page uploads it, the second one's amount with three decimals. */
    private static final String CHECKED_FILE = "kind;title;financialLine.amount;financialLine.year;financialLine.source\r\n"
            + "FINANCIAL_LINE;Animation du comité;8000;2027;STATE\r\n"
            + "FINANCIAL_LINE;Études;12,345;2027;STATE\r\n";
    private static final String IMPORTED_FILE = CHECKED_FILE.replace("12,345", "12,35");

    @AfterEach
    void signOut() {
        PactClients.signOut();
    }

    // ---- a région's public page ---------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact publishedRoadmaps(PactDslWithProvider builder) {
        return builder.given(PUBLISHED)
                .uponReceiving("the committee roadmaps of a région, for anyone")
                .method("GET").path("/api/roadmaps").query("kind=COMMITTEE&region=28&limit=500")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(r -> {
                    summary(r, "PUBLISHED");
                    r.stringMatcher("publishedAt", INSTANT, "2026-06-30T10:00:00Z");
                })).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "publishedRoadmaps")
    void aRegionsPageListsItsPublishedRoadmaps(MockServer server) {
        List<RoadmapView> list = roadmaps(server).list(new Roadmaps.RoadmapFilter("COMMITTEE", "28", null, null));

        assertThat(list).hasSize(1);
        RoadmapView roadmap = list.getFirst();
        assertSummary(roadmap);
        assertThat(roadmap.isPublished()).isTrue();
        assertThat(roadmap.statusLabel()).isNotEqualTo("PUBLISHED");
        assertThat(roadmap.publishedAt()).isNotNull();
    }

    // ---- the committee's journey --------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact fileARoadmap(PactDslWithProvider builder) {
        return builder.given(MEMBER_SIGNED_IN).given(FREE_YEAR)
                .uponReceiving("a committee member files a roadmap for their région")
                .method("POST").path("/api/roadmaps/committee")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> {
                    body.stringValue("regionCode", "28");
                    body.valueFromProviderState("startYear", "${year}", YEAR);
                    body.valueFromProviderState("endYear", "${year}", YEAR);
                    body.stringValue("title", "Feuille de route du comité normand");
                }).build())
                .willRespondWith().status(201).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(r -> {
                    summary(r, "DRAFT");
                    r.integerType("version", 1);
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "fileARoadmap")
    void aCommitteeMemberFilesARoadmap(MockServer server) {
        PactClients.signIn();

        RoadmapView roadmap = roadmaps(server).createCommitteeRoadmap("28", " " + YEAR, String.valueOf(YEAR),
                " Feuille de route du comité normand ");

        assertSummary(roadmap);
        assertThat(roadmap.isEditable()).isTrue();
        assertThat(roadmap.version()).isEqualTo(1);
    }

    @Pact(consumer = "portal")
    V4Pact aDraftRoadmap(PactDslWithProvider builder) {
        return builder.given(MEMBER_SIGNED_IN).given(DRAFT)
                .uponReceiving("a committee member opens their draft roadmap")
                .method("GET").pathFromProviderState("/api/roadmaps/${roadmapId}", "/api/roadmaps/" + ROADMAP_ID)
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(r -> {
                    summary(r, "DRAFT");
                    r.decimalType("totalRequested", new BigDecimal("15000.50"));
                    r.minArrayLike("items", 1, i -> financialLine(i, "PLANNED", 0));
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "aDraftRoadmap")
    void aRoadmapPageShowsItsItems(MockServer server) {
        PactClients.signIn();

        RoadmapView roadmap = roadmaps(server).roadmap(java.util.UUID.fromString(ROADMAP_ID));

        assertSummary(roadmap);
        assertThat(roadmap.totalRequested()).isEqualByComparingTo("15000.50");
        RoadmapView.Item line = roadmap.items().getFirst();
        assertFinancialLine(line);
        assertThat(new BigDecimal(line.draft().value("financialLine.amount"))).isEqualByComparingTo("15000.50");
        assertThat(roadmap.arbitratedItems()).containsExactly(line);
    }

    @Pact(consumer = "portal")
    V4Pact addAFinancialLine(PactDslWithProvider builder) {
        return builder.given(MEMBER_SIGNED_IN).given(DRAFT)
                .uponReceiving("a committee member adds a financial line to their draft roadmap")
                .method("POST").pathFromProviderState("/api/roadmaps/${roadmapId}/items",
                        "/api/roadmaps/" + ROADMAP_ID + "/items")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> {
                    body.stringValue("kind", "FINANCIAL_LINE");
                    body.array("milestones", milestones -> {
                    });
                    body.stringValue("title", "Animation du comité");
                    body.nullValue("description");
                    body.nullValue("parentId");
                    body.nullValue("weight");
                    body.object("financialLine", line -> {
                        line.decimalType("amount", new BigDecimal("8000.00"));
                        line.integerType("year", 2027);
                        line.stringValue("source", "STATE");
                    });
                    body.valueFromProviderState("version", "${version}", 2);
                }).build())
                .willRespondWith().status(201).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(r -> {
                    summary(r, "DRAFT");
                    r.minArrayLike("items", 2, i -> financialLine(i, "PLANNED", 0));
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "addAFinancialLine")
    void aCommitteeMemberAddsAnItem(MockServer server) {
        PactClients.signIn();
        ItemDraft line = new ItemDraft(RoadmapItemKind.FINANCIAL_LINE, Map.of("title", "Animation du comité",
                "financialLine.amount", "8 000,00", "financialLine.year", "2027", "financialLine.source", "STATE"));

        RoadmapView roadmap = roadmaps(server).addItem(java.util.UUID.fromString(ROADMAP_ID), 2, line);

        assertSummary(roadmap);
        assertThat(roadmap.items()).hasSize(2);
        assertFinancialLine(roadmap.items().getLast());
    }

    @Pact(consumer = "portal")
    V4Pact trackAnItem(PactDslWithProvider builder) {
        return builder.given(MEMBER_SIGNED_IN).given(DRAFT)
                .uponReceiving("a committee member records an item's progress")
                .method("POST").pathFromProviderState("/api/roadmaps/${roadmapId}/items/${itemId}/tracking",
                        "/api/roadmaps/" + ROADMAP_ID + "/items/" + ITEM_ID + "/tracking")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> {
                    body.valueFromProviderState("version", "${version}", 2);
                    body.stringValue("status", "IN_PROGRESS");
                    body.integerType("progress", 40);
                }).build())
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(r -> {
                    summary(r, "DRAFT");
                    r.minArrayLike("items", 1, i -> financialLine(i, "IN_PROGRESS", 40));
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "trackAnItem")
    void anItemsProgressIsRecorded(MockServer server) {
        PactClients.signIn();

        RoadmapView roadmap = roadmaps(server).track(java.util.UUID.fromString(ROADMAP_ID), 2,
                java.util.UUID.fromString(ITEM_ID), "IN_PROGRESS", "40", null);

        RoadmapView.Item line = roadmap.items().getFirst();
        assertThat(line.status()).isEqualTo("IN_PROGRESS");
        assertThat(line.statusLabel()).isNotEqualTo("IN_PROGRESS");
        assertThat(line.progress()).isEqualTo(40);
        assertThat(line.ownProgress()).isEqualTo(40);
    }

    @Pact(consumer = "portal")
    V4Pact submitARoadmap(PactDslWithProvider builder) {
        return builder.given(MEMBER_SIGNED_IN).given(DRAFT)
                .uponReceiving("a committee member submits their roadmap to the national instance")
                .method("POST").pathFromProviderState("/api/roadmaps/${roadmapId}/submission",
                        "/api/roadmaps/" + ROADMAP_ID + "/submission")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> body.valueFromProviderState("version", "${version}", 2)).build())
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(r -> {
                    summary(r, "SUBMITTED");
                    r.stringMatcher("submittedAt", INSTANT, "2026-05-15T09:00:00Z");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitARoadmap")
    void aSubmittedRoadmapIsNoLongerEditable(MockServer server) {
        PactClients.signIn();

        RoadmapView roadmap = roadmaps(server).submit(java.util.UUID.fromString(ROADMAP_ID), 2);

        assertThat(roadmap.status()).isEqualTo("SUBMITTED");
        assertThat(roadmap.isEditable()).isFalse();
        assertThat(roadmap.submittedAt()).isNotNull();
    }

    // ---- the national instance's journey ------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact arbitrateARoadmap(PactDslWithProvider builder) {
        return builder.given(COORDINATOR_SIGNED_IN).given(UNDER_REVIEW)
                .uponReceiving("a coordinator arbitrates a roadmap under review")
                .method("POST").pathFromProviderState("/api/roadmaps/${roadmapId}/arbitration",
                        "/api/roadmaps/" + ROADMAP_ID + "/arbitration")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> {
                    body.valueFromProviderState("version", "${version}", 4);
                    body.array("decisions", decisions -> decisions.object(d -> {
                        d.valueFromProviderState("itemId", "${itemId}", ITEM_ID);
                        d.decimalType("grantedAmount", new BigDecimal("12000.00"));
                        d.nullValue("grantedFte");
                        d.stringValue("reason", "Enveloppe régionale limitée");
                    }));
                }).build())
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(r -> {
                    summary(r, "ARBITRATED");
                    r.decimalType("totalGranted", new BigDecimal("12000.00"));
                    r.minArrayLike("items", 1, i -> {
                        financialLine(i, "PLANNED", 0);
                        i.object("grant", g -> {
                            g.decimalType("grantedAmount", new BigDecimal("12000.00"));
                            g.stringType("reason", "Enveloppe régionale limitée");
                        });
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "arbitrateARoadmap")
    void aCoordinatorGrantsTheFinancialLines(MockServer server) {
        PactClients.signIn();

        RoadmapView roadmap = roadmaps(server).arbitrate(java.util.UUID.fromString(ROADMAP_ID), 4, List.of(
                new Roadmaps.GrantDecision(java.util.UUID.fromString(ITEM_ID), "12 000,00", " ",
                        "Enveloppe régionale limitée")));

        assertThat(roadmap.status()).isEqualTo("ARBITRATED");
        assertThat(roadmap.totalGranted()).isEqualByComparingTo("12000.00");
        RoadmapView.Grant grant = roadmap.items().getFirst().grant();
        assertThat(grant.grantedAmount()).isEqualByComparingTo("12000.00");
        assertThat(grant.reason()).isEqualTo("Enveloppe régionale limitée");
    }

    @Pact(consumer = "portal")
    V4Pact publishARoadmap(PactDslWithProvider builder) {
        return builder.given(COORDINATOR_SIGNED_IN).given(ARBITRATED)
                .uponReceiving("a coordinator publishes an arbitrated roadmap")
                .method("POST").pathFromProviderState("/api/roadmaps/${roadmapId}/publication",
                        "/api/roadmaps/" + ROADMAP_ID + "/publication")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> body.valueFromProviderState("version", "${version}", 5)).build())
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(r -> {
                    summary(r, "PUBLISHED");
                    r.stringMatcher("publishedAt", INSTANT, "2026-06-30T10:00:00Z");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "publishARoadmap")
    void aPublishedRoadmapIsPublic(MockServer server) {
        PactClients.signIn();

        RoadmapView roadmap = roadmaps(server).publish(java.util.UUID.fromString(ROADMAP_ID), 5);

        assertThat(roadmap.isPublished()).isTrue();
        assertThat(roadmap.publishedAt()).isNotNull();
    }

    // ---- the items' import ---------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact checkAnImport(PactDslWithProvider builder) {
        return builder.given(MEMBER_SIGNED_IN).given(DRAFT)
                .uponReceiving("a committee member checks a file of items before importing it")
                .method("POST").pathFromProviderState("/api/roadmaps/${roadmapId}/items/import",
                        "/api/roadmaps/" + ROADMAP_ID + "/items/import").query("dryRun=true")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .body(CHECKED_FILE, "text/csv")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                // the file's refused lines, with the column and the reason: the page lists them
                .body(LambdaDsl.newJsonBody(report -> {
                    report.booleanValue("dryRun", true);
                    report.integerType("lines", 2);
                    report.minArrayLike("invalidLines", 1, PactDslJsonRootValue.integerType(3), 1);
                    report.minArrayLike("errors", 1, e -> {
                        e.integerType("line", 3);
                        e.stringValue("field", "financialLine.amount");
                        e.stringType("message", "deux décimales au plus");
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "checkAnImport")
    void aCheckedFileNamesItsRefusedLines(MockServer server) {
        PactClients.signIn();

        ImportViews.RoadmapImport check = imports(server).importRoadmapItems(java.util.UUID.fromString(ROADMAP_ID), 2,
                true, "lignes.csv", CHECKED_FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(check.dryRun()).isTrue();
        assertThat(check.applied()).isFalse();
        assertThat(check.lines()).isEqualTo(2);
        assertThat(check.invalidLines()).containsExactly(3);
        assertThat(check.valid()).isFalse();
        assertThat(check.errors().getFirst().where()).isEqualTo("Ligne 3");
        assertThat(check.errors().getFirst().field()).isEqualTo("financialLine.amount");
    }

    @Pact(consumer = "portal")
    V4Pact importItems(PactDslWithProvider builder) {
        return builder.given(MEMBER_SIGNED_IN).given(DRAFT)
                .uponReceiving("a committee member imports a file of items")
                .method("POST").pathFromProviderState("/api/roadmaps/${roadmapId}/items/import",
                        "/api/roadmaps/" + ROADMAP_ID + "/items/import")
                .queryParameterFromProviderState("version", "${version}", "2")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .body(IMPORTED_FILE, "text/csv")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(report -> {
                    report.booleanValue("dryRun", false);
                    report.integerType("lines", 2);
                    report.integerType("imported", 2);
                    report.array("invalidLines", lines -> {
                    });
                    report.array("errors", errors -> {
                    });
                    report.object("roadmap", roadmap -> {
                        roadmap.integerType("version", 3);
                        roadmap.integerType("items", 3);
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "importItems")
    void anImportedFileAddsItsLinesAsOneVersion(MockServer server) {
        PactClients.signIn();

        ImportViews.RoadmapImport imported = imports(server).importRoadmapItems(java.util.UUID.fromString(ROADMAP_ID),
                2, false, "lignes.csv", IMPORTED_FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(imported.applied()).isTrue();
        assertThat(imported.valid()).isTrue();
        assertThat(imported.lines()).isEqualTo(2);
        assertThat(imported.version()).isEqualTo(3);
        assertThat(imported.items()).isEqualTo(3);
    }

    // ---- the national consolidation -----------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact consolidation(PactDslWithProvider builder) {
        return builder.given(PUBLISHED)
                .uponReceiving("the national consolidation of a year's published roadmaps, for anyone")
                .method("GET").path("/api/roadmaps/consolidation").query("period=2026&scope=published")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(c -> {
                    c.stringType("period", "2026");
                    c.object("summary", summary -> {
                        summary.integerType("regions", 18);
                        summary.integerType("regionsWithCommittee", 1);
                        summary.integerType("regionsWithRoadmap", 1);
                        summary.integerType("regionsWithPublishedRoadmap", 1);
                    });
                    // every région, with or without a committee and a roadmap: the page lists them all
                    c.minArrayLike("regions", 1, region -> {
                        region.stringMatcher("regionCode", "[0-9]{2}", "28");
                        region.stringType("regionName", "Normandie");
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "consolidation")
    void theConsolidationListsTheRegions(MockServer server) {
        ConsolidationView consolidation = roadmaps(server).consolidation("2026", false);

        assertThat(consolidation.period()).isEqualTo("2026");
        assertThat(consolidation.summary().regions()).isEqualTo(18);
        assertThat(consolidation.regions()).extracting(ConsolidationView.RegionLine::regionName)
                .containsExactly("Normandie");
    }

    // ---- shapes -------------------------------------------------------------------------------------------------

    /** What a list row and a roadmap's heading read; every primitive of {@link RoadmapView}. */
    private static void summary(LambdaDslObject r, String status) {
        r.stringMatcher("id", UUID, ROADMAP_ID);
        r.stringMatcher("kind", ROADMAP_KIND, "COMMITTEE");
        r.stringMatcher("regionCode", "[0-9]{2}", "28");
        r.integerType("startYear", YEAR);
        r.integerType("endYear", YEAR);
        r.stringType("title", "Feuille de route du comité normand");
        r.stringMatcher("status", STATUS, status);
        r.integerType("version", 2);
        r.integerType("progress", 0);
    }

    private static void assertSummary(RoadmapView roadmap) {
        assertThat(roadmap.id()).hasToString(ROADMAP_ID);
        assertThat(roadmap.isCommittee()).isTrue();
        assertThat(roadmap.issuerLabel()).isEqualTo("Région 28");
        assertThat(roadmap.periodLabel()).isEqualTo(String.valueOf(YEAR));
        assertThat(roadmap.title()).isEqualTo("Feuille de route du comité normand");
    }

    /** An item as the roadmap page and its forms read it: a financial line, its content under its kind's name. */
    private static void financialLine(LambdaDslObject i, String status, int progress) {
        i.stringMatcher("id", UUID, ITEM_ID);
        i.stringMatcher("kind", ITEM_KIND, "FINANCIAL_LINE");
        i.stringType("title", "Animation du comité");
        i.integerType("weight", 1);
        i.stringMatcher("status", ITEM_STATUS, status);
        i.integerType("progress", progress);
        i.integerType("ownProgress", progress);
        i.object("content", content -> content.object("financialLine", line -> {
            line.decimalType("amount", new BigDecimal("15000.50"));
            line.integerType("year", 2027);
            line.stringMatcher("source", FUNDING_SOURCE, "STATE");
        }));
    }

    private static void assertFinancialLine(RoadmapView.Item line) {
        assertThat(line.id()).hasToString(ITEM_ID);
        assertThat(line.itemKind()).contains(RoadmapItemKind.FINANCIAL_LINE);
        assertThat(line.title()).isEqualTo("Animation du comité");
        assertThat(line.details()).extracting(RoadmapView.Detail::label).contains("Année");
    }

    /** The portal's real import client, on roadmaps. */
    private static RestFileImports imports(MockServer server) {
        return new RestFileImports(PactClients.on(server, RestFileImports.ROADMAPS));
    }

    /** The portal's real client on the mock server as roadmaps' base URL. */
    private static RestRoadmaps roadmaps(MockServer server) {
        return new RestRoadmaps(PactClients.on(server, RestRoadmaps.SERVICE));
    }
}
