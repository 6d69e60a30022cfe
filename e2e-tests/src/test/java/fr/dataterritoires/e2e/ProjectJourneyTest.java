package fr.dataterritoires.e2e;

import static fr.dataterritoires.e2e.support.Eventually.EVENT_FLOW;
import static fr.dataterritoires.e2e.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.dataterritoires.e2e.support.GatewayApi;
import fr.dataterritoires.e2e.support.EventFigures;
import fr.dataterritoires.e2e.support.Leaks;
import fr.dataterritoires.e2e.support.SharedSuite;
import fr.dataterritoires.testing.local.DevTokens;
import fr.dataterritoires.testing.local.Harvests;
import fr.dataterritoires.testing.local.SourceServer;
import fr.dataterritoires.territory.Siren;

import tools.jackson.databind.JsonNode;

/**
 * The report's project journey, through the gateway only, against the suite as separate processes ({@link SharedSuite}:
 * the services' executable jars on real PostgreSQL, RabbitMQ and Elasticsearch), each step asserting what its users see:
 * <ol start="0">
 * <li>Cap Atlantique's catalogue (a real DCAT file, served by a local HTTP server) is harvested: it lists, restricted,
 * the car-pooling dataset the committee will promise to open;</li>
 * <li>the Pays de la Loire committee files a roadmap: a use case, the dataset to open (answering a local priority) and
 * a financial line;</li>
 * <li>the national instance reviews, arbitrates and publishes it;</li>
 * <li>dataset-search flags the dataset as a priority of the région ({@code PriorityDatasetDeclared}, roadmaps →
 * dataset-search);</li>
 * <li>a funder opens a call for commons;</li>
 * <li>a consortium led by the département with a mutualisation structure applies for the roadmap's use case,
 * declaring its ethics charter and labels;</li>
 * <li>two evaluators score, the funder decides, the award is granted and shows in the roadmap's financial section
 * ({@code AwardGranted}, commons-calls → roadmaps);</li>
 * <li>the préciput on an imported innovation project is levied;</li>
 * <li>the commons appears in the replication registry ({@code AwardGranted}, commons-calls → replication), and the
 * préciput is allocated to its replication ({@code PreciputAllocated}, commons-calls → replication);</li>
 * <li>Cap Atlantique publishes the dataset openly at its source; harvested again, the roadmap item is completed by
 * itself ({@code DatasetUpdated}, dataset-search → roadmaps);</li>
 * <li>another territory (Lorient, in Brittany) replicates the initiative, up to live;</li>
 * <li>a State agent and a territorial agent each complete an exchange in the other side's administration.</li>
 * </ol>
 * Event-driven steps wait for the other service up to {@link fr.dataterritoires.e2e.support.Eventually#EVENT_FLOW}
 * and fail saying what they waited for. Everything it creates is its own (names carry a run tag), so it runs beside
 * anything else in the suite. Part of {@code make test} (and {@code make e2e}): the suite's start, then about a
 * minute of journey.
 */
class ProjectJourneyTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String REGION = "52";
    /** Cap Atlantique (Presqu'île de Guérande), producer of the promised dataset. */
    private static final String CAP_ATLANTIQUE = Siren.withCheckDigit("24440050").value();
    /** Département de Loire-Atlantique: the consortium's lead, and a territorial employer. */
    private static final String DEPARTEMENT_44 = Siren.withCheckDigit("22440002").value();
    /** A mutualisation structure of the région's local authorities. */
    private static final String MUTUALISATION = Siren.withCheckDigit("25440123").value();
    private static final String FUNDER = Siren.withCheckDigit("13000612").value();
    private static final String EVALUATION_ORG = Siren.withCheckDigit("19750001").value();
    /** Lorient Agglomération, which replicates the initiative on Lorient (56121). */
    private static final String LORIENT = Siren.withCheckDigit("20005617").value();
    /** A State service of the région hosting a territorial agent, and a commune hosting a State agent. */
    private static final String DREAL = Siren.withCheckDigit("13000880").value();
    private static final String GUERANDE = Siren.withCheckDigit("21440069").value();
    /** The State employer (a departmental directorate) of the State agent. */
    private static final String DDTM_44 = Siren.withCheckDigit("13000881").value();
    /** The two agents who go on an exchange: their names and e-mail addresses must stay in the exchanges database. */
    private static final String TERRITORIAL_AGENT = "Camille Le Goff";
    private static final String STATE_AGENT = "Yann Prigent";

    private static URI gateway;
    private static GatewayApi api;
    private static DevTokens tokens;
    private static SourceServer sources;
    private static final List<String> timings = new ArrayList<>();

    /** This run's tag: what the journey creates is its own even in a suite that already holds data. */
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final int year = LocalDate.now(PARIS).getYear() + 1;

    @BeforeAll
    static void startSuite() throws Exception {
        long start = System.nanoTime();
        gateway = SharedSuite.gateway();
        api = new GatewayApi(gateway);
        tokens = new DevTokens(gateway);
        sources = SourceServer.serving(null);
        timings.add(String.format("  %-62s %5.1f s", "suite ready (started, or the one -Ddt.e2e.gateway names)",
                (System.nanoTime() - start) / 1e9));
    }

    @AfterAll
    static void stopSources() {
        if (sources != null) {
            sources.close();
        }
        System.out.println("Project journey, time per step:\n" + String.join("\n", timings));
    }

    @Test
    void aRoadmapsPromiseIsFundedReplicatedAndKeptAcrossTheServices() throws Exception {
        String coordinator = tokens.token("NATIONAL_COORDINATOR");
        String committee = tokens.token("COMMITTEE_MEMBER", Map.of("region", REGION, "subject", "comite-52-" + tag));
        String funder = tokens.token("FUNDER", Map.of("siren", FUNDER, "subject", "financeur-" + tag));
        String lead = tokens.token("APPLICANT", Map.of("siren", DEPARTEMENT_44, "subject", "porteur-44-" + tag));

        // 0 ----------------------------------------------------------------------------------------------------
        String sourceId = "cap-atlantique-" + tag;
        String promisedTitle = "Aires de covoiturage de la presqu'île guérandaise " + tag;
        String datasetId = step("0. Cap Atlantique's catalogue is harvested: the dataset to open is listed, restricted",
                () -> {
                    sources.put(sourceId + ".rdf", catalogue(promisedTitle, false));
                    Harvests harvests = new Harvests(gateway, coordinator);
                    harvests.declare(sourceId, "Cap Atlantique - Open Data", "DCAT", sources.url(sourceId + ".rdf"));
                    JsonNode run = harvests.run(sourceId);
                    // the real record (Guérande's CCAS) and the promised one; the real one may be known already
                    // from another source of the suite (the same dataset: then "updated")
                    JsonNode counts = run.path("counts");
                    assertThat(counts.path("new").asInt() + counts.path("updated").asInt()
                            + counts.path("unchanged").asInt()).as(run.toString()).isEqualTo(2);
                    assertThat(counts.path("new").asInt()).as(run.toString()).isPositive();
                    assertThat(counts.path("failed").asInt()).as(run.toString()).isZero();
                    // the index follows the catalogue: the dataset can be found (and named by a roadmap) once indexed
                    JsonNode found = await("the harvested dataset « " + promisedTitle + " » found by search",
                            Duration.ofSeconds(30), () -> searchByTitle(promisedTitle), Optional::isPresent).orElseThrow();
                    assertThat(found.path("accessLevel").path("code").asString()).isEqualTo("RESTRICTED");
                    return found.path("id").asString();
                });

        // 1 ----------------------------------------------------------------------------------------------------
        Map<String, String> roadmap = step("1. the Pays de la Loire committee files a roadmap with a use case and the "
                + "dataset to open", () -> fileRoadmap(coordinator, committee, datasetId));
        String roadmapId = roadmap.get("id");
        String useCaseItem = roadmap.get("useCase");
        String datasetItem = roadmap.get("dataset");

        // 2 ----------------------------------------------------------------------------------------------------
        step("2. the national instance reviews, arbitrates and publishes the roadmap", () -> {
            String base = "/api/roadmaps/roadmaps/" + roadmapId;
            JsonNode r = api.post(base + "/submission", committee, Map.of("version", version(base, committee))).ok().json();
            assertThat(r.path("status").asString()).isEqualTo("SUBMITTED");
            r = api.post(base + "/review", coordinator, Map.of("version", r.path("version").asLong())).ok().json();
            assertThat(r.path("status").asString()).isEqualTo("UNDER_REVIEW");
            r = api.post(base + "/arbitration", coordinator, Map.of("version", r.path("version").asLong(),
                    "decisions", List.of(Map.of("itemId", roadmap.get("financialLine"),
                            "grantedAmount", new BigDecimal("30000.00"),
                            "reason", "Enveloppe régionale : le reste attendu de l'appel à communs")))).ok().json();
            assertThat(r.path("status").asString()).isEqualTo("ARBITRATED");
            assertThat(r.path("totalGranted").decimalValue()).isEqualByComparingTo("30000.00");
            r = api.post(base + "/publication", coordinator, Map.of("version", r.path("version").asLong())).ok().json();
            assertThat(r.path("status").asString()).isEqualTo("PUBLISHED");
            // published: anyone reads it, and finds it among the région's roadmaps
            JsonNode published = api.get(base, null).ok().json();
            assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
            assertThat(item(published, roadmap.get("financialLine")).path("grant").path("grantedAmount").decimalValue())
                    .isEqualByComparingTo("30000.00");
            assertThat(api.get("/api/roadmaps/roadmaps?kind=COMMITTEE&region=" + REGION, null).ok().json()
                    .findValuesAsString("id")).contains(roadmapId);
            return null;
        });

        // 3 ----------------------------------------------------------------------------------------------------
        step("3. dataset-search flags the dataset as a priority of the région (roadmaps → dataset-search)", () -> {
            JsonNode detail = await("dataset " + datasetId + " flagged priority by the published roadmap", EVENT_FLOW,
                    () -> api.get("/api/dataset-search/datasets/" + datasetId, null).ok().json(),
                    d -> d.path("demand").path("priority").asBoolean());
            assertThat(detail.path("demand").path("priorityDeclarations").asInt()).isEqualTo(1);
            assertThat(detail.path("description").path("access").path("level").asString()).isEqualTo("RESTRICTED");
            // the région's list of the most demanded datasets not yet open names it
            JsonNode demanded = mostDemanded(datasetId).orElseThrow(() -> new AssertionError(
                    "dataset " + datasetId + " missing from the région's most demanded datasets"));
            assertThat(demanded.path("title").asString()).isEqualTo(promisedTitle);
            assertThat(demanded.path("priorityDeclarations").asInt()).isEqualTo(1);
            return null;
        });

        // 4 ----------------------------------------------------------------------------------------------------
        Map<String, String> call = step("4. a funder opens a call for commons", () -> openCall(funder));
        String callId = call.get("call");

        // 5 ----------------------------------------------------------------------------------------------------
        String commonsTitle = "Covoit'Presqu'île, le commun du covoiturage du quotidien " + tag;
        String applicationId = step("5. a consortium with a mutualisation structure applies, declaring its ethics "
                + "charter and labels", () -> apply(lead, funder, callId, commonsTitle, roadmapId, useCaseItem));

        // 6 ----------------------------------------------------------------------------------------------------
        String awardId = step("6. evaluators score, the award is granted and reaches the roadmap (commons-calls → "
                + "roadmaps)", () -> award(funder, lead, callId, applicationId, roadmapId, useCaseItem));

        // 7 ----------------------------------------------------------------------------------------------------
        String projectReference = "PDL-INNOV-" + tag;
        step("7. the préciput on an imported innovation project is levied", () -> {
            BigDecimal before = fundBalance();
            String csv = "projectReference;programmeId;beneficiarySiren;projectFunding\n"
                    + projectReference + ";" + call.get("programme") + ";" + DEPARTEMENT_44 + ";200000.00\n";
            JsonNode imported = api.send("POST", "/api/commons-calls/preciput/imports?fileName=projets-innovation-"
                    + tag + ".csv", funder, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).status(201).json();
            assertThat(imported.path("levied").asInt()).isEqualTo(1);
            assertThat(imported.path("totalLevied").asString()).isEqualTo("10000.00");
            // the public transparency view shows the levy
            assertThat(fundBalance()).isEqualByComparingTo(before.add(new BigDecimal("10000.00")));
            JsonNode levy = find(api.get("/api/commons-calls/preciput/journal?size=200", null).ok().json(),
                    t -> projectReference.equals(t.path("projectReference").asString())).orElseThrow();
            assertThat(levy.path("kind").asString()).isEqualTo("LEVY");
            assertThat(levy.path("amount").asString()).isEqualTo("10000.00");
            return null;
        });

        // 8 ----------------------------------------------------------------------------------------------------
        String initiativeId = step("8. the commons appears in the replication registry (commons-calls → replication)",
                () -> {
                    JsonNode initiative = await("an initiative of the award " + awardId + " in the registry", EVENT_FLOW,
                            () -> find(api.get("/api/replication/initiatives?leadSiren=" + DEPARTEMENT_44 + "&limit=200",
                                    null).ok().json(), i -> i.path("awardIds").toString().contains(awardId)),
                            Optional::isPresent).orElseThrow();
                    assertThat(initiative.path("title").asString()).isEqualTo(commonsTitle);
                    assertThat(initiative.path("maturity").asString()).isEqualTo("EXPERIMENT");
                    assertThat(initiative.path("ethicsCharter").asString()).isEqualTo("Charte éthique des communs numériques");
                    assertThat(strings(initiative.path("labels"))).containsExactly("Numérique en commun(s)",
                            "Territoire numérique libre");
                    String id = initiative.path("id").asString();
                    // its page: the award received, and the funding as commons-calls reports it (gRPC)
                    // (the page says when commons-calls did not answer in its budget, and is read again then)
                    JsonNode page = await("the initiative's page with its funding", Duration.ofSeconds(30),
                            () -> api.get("/api/replication/initiatives/" + id, null).ok().json(),
                            p -> !p.path("partial").asBoolean());
                    assertThat(find(page.path("supports"), s -> "COMMONS_AWARD".equals(s.path("kind").asString())))
                            .hasValueSatisfying(s -> assertThat(s.path("amount").asString()).isEqualTo("90000.00"));
                    assertThat(page.path("funding").path("totalAwarded").asString()).isEqualTo("90000.00");
                    return id;
                });

        step("7'. the levied préciput is allocated to the replication of that commons (commons-calls → replication)",
                () -> {
                    BigDecimal before = fundBalance();
                    Map<String, Object> allocation = new LinkedHashMap<>();
                    allocation.put("purpose", "REPLICATION_SUPPORT");
                    allocation.put("beneficiarySiren", DEPARTEMENT_44);
                    allocation.put("beneficiaryName", "Département de Loire-Atlantique");
                    allocation.put("initiativeId", initiativeId);
                    allocation.put("amount", "8000.00");
                    allocation.put("reason", "Accompagner l'essaimage du commun du covoiturage");
                    JsonNode posted = api.post("/api/commons-calls/preciput/allocations", coordinator, allocation)
                            .status(201).json();
                    assertThat(posted.path("kind").asString()).isEqualTo("ALLOCATION");
                    assertThat(fundBalance()).isEqualByComparingTo(before.subtract(new BigDecimal("8000.00")));
                    JsonNode support = await("the préciput allocation among the initiative's supports", EVENT_FLOW,
                            () -> find(api.get("/api/replication/initiatives/" + initiativeId + "/supports", null).ok()
                                    .json(), s -> "PRECIPUT_ALLOCATION".equals(s.path("kind").asString())),
                            Optional::isPresent).orElseThrow();
                    assertThat(support.path("amount").asString()).isEqualTo("8000.00");
                    assertThat(support.path("providerSiren").asString()).isEqualTo(DEPARTEMENT_44);
                    return null;
                });

        // 9 ----------------------------------------------------------------------------------------------------
        step("9. the dataset is published openly at its source; the roadmap item progresses by itself "
                + "(dataset-search → roadmaps)", () -> {
            sources.put(sourceId + ".rdf", catalogue(promisedTitle, true));
            JsonNode run = new Harvests(gateway, coordinator).run(sourceId);
            assertThat(run.path("counts").path("updated").asInt()).as(run.toString()).isEqualTo(1);
            JsonNode detail = api.get("/api/dataset-search/datasets/" + datasetId, null).ok().json();
            assertThat(detail.path("description").path("access").path("level").asString()).isEqualTo("OPEN");
            assertThat(detail.path("description").path("distributions").findValuesAsString("format").toString())
                    .containsIgnoringCase("csv");

            String base = "/api/roadmaps/roadmaps/" + roadmapId;
            JsonNode published = await("the roadmap's dataset item completed by the catalogue's report", EVENT_FLOW,
                    () -> api.get(base, null).ok().json(),
                    r -> "COMPLETED".equals(item(r, datasetItem).path("status").asString()));
            JsonNode done = item(published, datasetItem);
            assertThat(done.path("progress").asInt()).isEqualTo(100);
            assertThat(done.path("milestones").findValuesAsString("title"))
                    .contains("Jeu de données publié en accès ouvert (catalogue)");
            // the use case rolls its sub-item up; the history names the system, not a person
            assertThat(item(published, useCaseItem).path("progress").asInt()).isEqualTo(100);
            JsonNode versions = api.get(base + "/versions", null).ok().json();
            JsonNode last = versions.get(versions.size() - 1);
            assertThat(last.path("action").asString()).isEqualTo("dataset-opened");
            assertThat(last.toString()).contains("system");
            // open now: no longer among the région's most demanded datasets not yet open
            assertThat(mostDemanded(datasetId)).isEmpty();
            return null;
        });

        // 10 ---------------------------------------------------------------------------------------------------
        step("10. another territory replicates the initiative", () -> replicate(coordinator, lead, initiativeId,
                commonsTitle));

        // 11 ---------------------------------------------------------------------------------------------------
        step("11. a State agent and a territorial agent each complete an exchange", () -> {
            JsonNode before = api.get("/api/exchanges/statistics/reach", null).ok().json();
            JsonNode territorial = exchange(DREAL, "STATE_SERVICE", DEPARTEMENT_44, "TERRITORIAL", TERRITORIAL_AGENT);
            assertThat(territorial.path("direction").asString()).isEqualTo("TERRITORIAL_TO_STATE");
            JsonNode state = exchange(GUERANDE, "LOCAL_AUTHORITY", DDTM_44, "STATE", STATE_AGENT);
            assertThat(state.path("direction").asString()).isEqualTo("STATE_TO_TERRITORIAL");
            JsonNode after = api.get("/api/exchanges/statistics/reach", null).ok().json();
            assertThat(after.path("exchangesCompleted").asLong() - before.path("exchangesCompleted").asLong())
                    .isEqualTo(2);
            assertThat(after.path("stateAgentsExchanged").asLong() - before.path("stateAgentsExchanged").asLong())
                    .isEqualTo(1);
            assertThat(after.path("territorialAgentsExchanged").asLong()
                    - before.path("territorialAgentsExchanged").asLong()).isEqualTo(1);
            return null;
        });

        // every event the journey caused between the services arrived, once (figures printed at the end of the run)
        if (System.getProperty("dt.e2e.gateway") == null) {
            step("events of the suite: none lost", () -> {
                EventFigures figures = EventFigures.awaitSettled("project journey", SharedSuite.get(),
                        Path.of("..").toAbsolutePath().normalize(), Duration.ofMinutes(1));
                EventFigures.report(figures);
                assertThat(figures.pending()).as("events not yet published").isZero();
                assertThat(figures.lost()).as(figures.table()).isZero();
                assertThat(figures.sent()).isPositive();
                return null;
            });
            // issue 11 §4 and §6: the agents' names and e-mail addresses stay in the exchanges database
            step("12. no personal data in the logs or the events, no token in the logs", () -> {
                List<String> personal = List.of(TERRITORIAL_AGENT, email(TERRITORIAL_AGENT), STATE_AGENT,
                        email(STATE_AGENT));
                Leaks.Scan logs = Leaks.inLogs(SharedSuite.get().runDir(), personal);
                Leaks.Scan events = Leaks.inEvents(SharedSuite.get(), personal);
                System.out.printf("Leak scan: %d log files (%d bytes) and %d events (%d bytes) read for %d personal "
                        + "data of the test agents and for tokens: %d leaks in the logs, %d in the events%n",
                        logs.scanned(), logs.bytes(), events.scanned(), events.bytes(), personal.size(),
                        logs.leaks().size(), events.leaks().size());
                assertThat(logs.scanned()).as("service logs read").isGreaterThanOrEqualTo(7);
                assertThat(events.scanned()).as("events read").isPositive();
                assertThat(logs.leaks()).as("personal data or tokens in the services' logs").isEmpty();
                assertThat(events.leaks()).as("personal data in the events").isEmpty();
                return null;
            });
        }
    }

    private static String email(String agentName) {
        return agentName.toLowerCase().replace(' ', '.') + "@exemple.gouv.fr";
    }

    // ------------------------------------------------------------------------------------------------- steps --

    private Map<String, String> fileRoadmap(String coordinator, String committee, String datasetId) {
        JsonNode committees = api.get("/api/roadmaps/governance/committees", coordinator).ok().json();
        if (find(committees, c -> REGION.equals(c.path("regionCode").asString())).isEmpty()) {
            api.post("/api/roadmaps/governance/committees", coordinator, Map.of("regionCode", REGION,
                    "name", "Comité régional de la donnée — Pays de la Loire", "relevantTerritory", List.of()))
                    .status(201);
        }
        // one roadmap per committee and period: after the région's latest one (a suite that ran the journey before)
        int year = this.year;
        for (JsonNode existing : api.get("/api/roadmaps/roadmaps?kind=COMMITTEE&region=" + REGION + "&limit=500",
                coordinator).ok().json()) {
            year = Math.max(year, existing.path("endYear").asInt() + 1);
        }
        JsonNode r = api.post("/api/roadmaps/roadmaps/committee", committee, Map.of("regionCode", REGION,
                "startYear", year, "endYear", year + 2,
                "title", "Feuille de route " + year + "-" + (year + 2) + " du comité Pays de la Loire (" + tag + ")"))
                .status(201).json();
        String id = r.path("id").asString();
        String base = "/api/roadmaps/roadmaps/" + id;
        assertThat(r.path("status").asString()).isEqualTo("DRAFT");

        Map<String, Object> useCase = new LinkedHashMap<>();
        useCase.put("version", r.path("version").asLong());
        useCase.put("kind", "USE_CASE");
        useCase.put("title", "Développer le covoiturage du quotidien sur la presqu'île guérandaise");
        useCase.put("useCase", Map.of("policyDomain", "Mobilité",
                "territory", List.of("departement:44", "commune:44069"),
                "expectedOutcome", "Des trajets domicile-travail partagés, des aires connues de tous",
                "indicators", List.of(Map.of("name", "Trajets covoiturés par jour", "baseline", 120, "target", 600,
                        "unit", "trajets", "dueDate", (year + 2) + "-12-31"))));
        r = api.post(base + "/items", committee, useCase).status(201).json();
        String useCaseItem = r.path("items").get(0).path("id").asString();

        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("version", r.path("version").asLong());
        dataset.put("kind", "DATASET");
        dataset.put("title", "Ouvrir les aires de covoiturage de Cap Atlantique");
        dataset.put("parentId", useCaseItem);
        dataset.put("weight", 3);
        dataset.put("dataset", Map.of("catalogueDatasetId", datasetId, "targetAccessLevel", "OPEN",
                "targetDate", year + "-06-30", "responsibleSiren", CAP_ATLANTIQUE, "answers", "LOCAL"));
        r = api.post(base + "/items", committee, dataset).status(201).json();
        String datasetItem = r.path("items").get(1).path("id").asString();

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("version", r.path("version").asLong());
        line.put("kind", "FINANCIAL_LINE");
        line.put("title", "Ligne de l'État pour l'ouverture des données de mobilité");
        line.put("financialLine", Map.of("amount", new BigDecimal("40000.00"), "year", year, "source", "STATE"));
        r = api.post(base + "/items", committee, line).status(201).json();
        String lineItem = r.path("items").get(2).path("id").asString();

        // what the committee sees of its draft; nobody else sees it yet
        JsonNode draft = api.get(base, committee).ok().json();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("items").size()).isEqualTo(3);
        JsonNode promised = item(draft, datasetItem).path("content").path("dataset");
        assertThat(promised.path("catalogueDatasetId").asString()).isEqualTo(datasetId);
        assertThat(promised.path("toBeProduced").asBoolean()).isFalse();
        assertThat(draft.path("totalRequested").decimalValue()).isEqualByComparingTo("40000.00");
        api.get(base, null).problem(404);
        return Map.of("id", id, "useCase", useCaseItem, "dataset", datasetItem, "financialLine", lineItem);
    }

    private Map<String, String> openCall(String funder) {
        // the funder registers its organisation, once (a suite that ran the journey before knows it)
        String funderId = find(api.get("/api/commons-calls/funders?siren=" + FUNDER, funder).ok().json(),
                f -> FUNDER.equals(f.path("siren").asString())).map(f -> f.path("id").asString())
                .orElseGet(() -> api.post("/api/commons-calls/funders", funder,
                        Map.of("name", "Fonds régional pour les communs numériques")).status(201).json()
                        .path("id").asString());
        String programme = api.post("/api/commons-calls/funders/" + funderId + "/programmes", funder,
                Map.of("name", "Programme d'innovation territoriale " + tag, "preciputRate", "0.05")).status(201).json()
                .path("id").asString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("funderId", funderId);
        body.put("kind", "COMMONS");
        body.put("title", "Appel à communs de la mobilité partagée " + tag);
        body.put("description", "Financer des communs numériques réutilisables par les collectivités pour le "
                + "covoiturage du quotidien.");
        body.put("budget", "300000.00");
        body.put("maxGrant", "150000.00");
        body.put("minGrant", "10000.00");
        body.put("coFundingRate", "0.8");
        body.put("opensAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        body.put("closesAt", Instant.now().plus(45, ChronoUnit.DAYS).toString());
        body.put("decisionDate", LocalDate.now(PARIS).plusDays(60).toString());
        body.put("applicantTypes", List.of("LOCAL_AUTHORITY", "MUTUALISATION_STRUCTURE"));
        body.put("minConsortiumSize", 2);
        body.put("territorialScope", List.of());
        body.put("commonsKinds", List.of("SOFTWARE", "STANDARD", "COLLABORATIVE_DATABASE"));
        body.put("requiredDeclarations", List.of("charte-ethique"));
        body.put("reviewsPerApplication", 2);
        body.put("criteria", List.of(
                Map.of("code", "utilite", "label", "Utilité pour les territoires", "weight", 3, "maxScore", 10),
                Map.of("code", "ouverture", "label", "Ouverture et réutilisabilité", "weight", 1, "maxScore", 5)));
        JsonNode created = api.post("/api/commons-calls/calls", funder, body).status(201).json();
        assertThat(created.path("status").asString()).isEqualTo("DRAFT");
        String id = created.path("id").asString();
        assertThat(api.post("/api/commons-calls/calls/" + id + "/open", funder, null).ok().json().path("status")
                .asString()).isEqualTo("OPEN");
        // applicants find it open (the list is paged, newest first: a call just opened is on its first page)
        JsonNode listed = find(api.get("/api/commons-calls/calls", null).ok().json(),
                c -> id.equals(c.path("id").asString())).orElseThrow(() -> new AssertionError("call not listed"));
        assertThat(listed.path("status").asString()).isEqualTo("OPEN");
        assertThat(listed.path("remainingBudget").asString()).isEqualTo("300000.00");
        return Map.of("call", id, "funder", funderId, "programme", programme);
    }

    private String apply(String lead, String funder, String callId, String commonsTitle, String roadmapId,
                         String useCaseItem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callId", callId);
        body.put("consortium", List.of(
                Map.of("siren", DEPARTEMENT_44, "name", "Département de Loire-Atlantique", "type", "LOCAL_AUTHORITY",
                        "role", "LEAD"),
                Map.of("siren", MUTUALISATION, "name", "Syndicat mixte de mutualisation numérique des Pays de la Loire",
                        "type", "MUTUALISATION_STRUCTURE", "role", "MEMBER")));
        body.put("commons", Map.of("title", commonsTitle, "kind", "SOFTWARE",
                "summary", "Un logiciel libre pour publier les aires et mettre en relation les covoitureurs.",
                "licence", "EUPL-1.2", "repositoryUrl", "https://git.example.fr/communs/covoit-presquile-" + tag,
                "schemas", List.of("etalab/schema-lieux-covoiturage")));
        body.put("requestedAmount", "90000.00");
        body.put("budget", List.of(Map.of("label", "Développement", "amount", "100000.00"),
                Map.of("label", "Animation et essaimage", "amount", "50000.00")));
        body.put("ethicsCharter", "Charte éthique des communs numériques");
        body.put("labels", List.of("Numérique en commun(s)", "Territoire numérique libre"));
        body.put("sustainabilityPlan", "Gouvernance partagée par la structure de mutualisation et ses adhérents.");
        body.put("replicationConditions", "Kit de déploiement documenté, accompagnement de deux territoires.");
        // a commune: a two-digit code would be ambiguous in AwardGranted (région 44 or département 44?), and the
        // registry reads it as the région
        body.put("territories", List.of("44069"));
        body.put("declarations", List.of("charte-ethique"));
        body.put("roadmapItem", Map.of("roadmapId", roadmapId, "itemId", useCaseItem));
        JsonNode draft = api.post("/api/commons-calls/applications", lead, body).status(201).json();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        String id = draft.path("id").asString();
        JsonNode submitted = api.post("/api/commons-calls/applications/" + id + "/submit", lead, null).ok().json();
        assertThat(submitted.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("automaticFindings").size()).as(submitted.toString()).isZero();
        // the funder sees the consortium, its mutualisation structure, charter and labels
        JsonNode received = find(api.get("/api/commons-calls/calls/" + callId + "/applications", funder).ok().json(),
                a -> id.equals(a.path("id").asString())).orElseThrow(() -> new AssertionError("application not received"));
        JsonNode proposal = received.path("proposal");
        assertThat(proposal.path("consortium").findValuesAsString("type"))
                .containsExactly("LOCAL_AUTHORITY", "MUTUALISATION_STRUCTURE");
        assertThat(proposal.path("ethicsCharter").asString()).isEqualTo("Charte éthique des communs numériques");
        assertThat(strings(proposal.path("labels"))).containsExactly("Numérique en commun(s)",
                "Territoire numérique libre");
        assertThat(proposal.path("roadmapItem").path("itemId").asString()).isEqualTo(useCaseItem);
        return id;
    }

    private String award(String funder, String lead, String callId, String applicationId, String roadmapId,
                         String useCaseItem) {
        String call = "/api/commons-calls/calls/" + callId;
        String application = "/api/commons-calls/applications/" + applicationId;
        api.post(call + "/close", funder, null).ok();
        api.post(call + "/evaluation", funder, null).ok();
        assertThat(api.post(application + "/eligibility", funder, Map.of("eligible", true,
                "reason", "Consortium, déclarations et plafonds conformes à l'appel.")).ok().json().path("status")
                .asString()).isEqualTo("ELIGIBLE");
        int[][] scores = {{9, 4}, {8, 5}};
        for (int i = 0; i < scores.length; i++) {
            String subject = "evaluateur-" + (i + 1) + "-" + tag;
            api.post(application + "/assignments", funder, Map.of("evaluatorSubject", subject,
                    "evaluatorSiren", EVALUATION_ORG)).status(201);
            String evaluator = tokens.token("EVALUATOR", Map.of("subject", subject, "siren", EVALUATION_ORG));
            JsonNode review = api.post(application + "/review", evaluator, Map.of("scores", Map.of(
                    "utilite", Map.of("value", scores[i][0], "comment", "Besoin partagé par toute la presqu'île."),
                    "ouverture", Map.of("value", scores[i][1], "comment", "Code et données sous licence ouverte.")))).ok()
                    .json();
            assertThat(review.path("status").asString()).isEqualTo("SUBMITTED");
        }
        JsonNode ranking = api.get(call + "/ranking", funder).ok().json();
        assertThat(ranking.get(0).path("applicationId").asString()).isEqualTo(applicationId);
        assertThat(ranking.get(0).path("reviews").asInt()).isEqualTo(2);

        JsonNode decisions = api.post(call + "/decisions", funder, null).ok().json();
        assertThat(decisions.get(0).path("outcome").asString()).isEqualTo("AWARDED");
        assertThat(decisions.get(0).path("amount").asString()).isEqualTo("90000.00");
        // published decisions, the lead's application, the call's awards: what everyone sees
        assertThat(api.get(call + "/decisions", null).ok().json().get(0).path("outcome").asString()).isEqualTo("AWARDED");
        assertThat(api.get(application, lead).ok().json().path("status").asString()).isEqualTo("AWARDED");
        JsonNode awards = api.get(call + "/awards", null).ok().json();
        assertThat(awards.size()).isEqualTo(1);
        JsonNode award = awards.get(0);
        assertThat(award.path("leadSiren").asString()).isEqualTo(DEPARTEMENT_44);
        assertThat(strings(award.path("memberSirens"))).contains(MUTUALISATION);
        String awardId = award.path("id").asString();

        // the roadmap's financial section shows the award for the use case it answers
        JsonNode section = await("award " + awardId + " in the roadmap's financial section", EVENT_FLOW,
                () -> api.get("/api/roadmaps/roadmaps/" + roadmapId + "/financial-section", null).ok().json(),
                s -> s.path("awards").toString().contains(awardId));
        JsonNode shown = find(section.path("awards"), a -> awardId.equals(a.path("awardId").asString())).orElseThrow();
        assertThat(shown.path("itemId").asString()).isEqualTo(useCaseItem);
        assertThat(shown.path("amount").decimalValue()).isEqualByComparingTo("90000.00");
        assertThat(section.path("totalAwarded").decimalValue()).isEqualByComparingTo("90000.00");
        return awardId;
    }

    private Void replicate(String coordinator, String lead, String initiativeId, String commonsTitle) {
        String base = "/api/replication/initiatives/" + initiativeId;
        JsonNode current = api.get(base, null).ok().json();
        // the lead describes the experiment and its evaluated results: the evidence validation needs
        Map<String, Object> initiative = new LinkedHashMap<>();
        initiative.put("leadSiren", DEPARTEMENT_44);
        initiative.put("title", commonsTitle);
        initiative.put("problem", "Des trajets domicile-travail faits seuls en voiture faute de lieux de rencontre.");
        initiative.put("policyDomain", "Mobilité");
        initiative.put("territories", List.of("44069"));
        initiative.put("commons", Map.of("title", commonsTitle, "kind", "SOFTWARE",
                "repositoryUrl", "https://git.example.fr/communs/covoit-presquile-" + tag, "licence", "EUPL-1.2",
                "dataSchemas", List.of("etalab/schema-lieux-covoiturage")));
        initiative.put("indicators", List.of(Map.of("name", "Trajets covoiturés par jour", "unit", "trajets",
                "before", "120", "after", "340", "evaluation", Map.of(
                        "method", "Comptages avant/après sur les aires et enquête auprès de 800 usagers",
                        "evaluator", "Cerema Ouest", "evaluatedOn", LocalDate.now(PARIS).minusDays(10).toString(),
                        "reportUrl", "https://www.cerema.fr/rapport-covoiturage", "independent", true))));
        initiative.put("ethicsCharter", "Charte éthique des communs numériques");
        initiative.put("labels", List.of("Numérique en commun(s)", "Territoire numérique libre"));
        initiative.put("annualRunningCost", "18000.00");
        initiative.put("skills", List.of("Animation d'une communauté d'usagers"));
        initiative.put("kit", Map.of("documentationUrl", "https://doc.example.fr/covoit-presquile",
                "schemas", List.of("etalab/schema-lieux-covoiturage"), "contacts", List.of(Map.of(
                        "organisation", "Département de Loire-Atlantique", "function", "Référent mobilité",
                        "email", "mobilite@example.fr"))));
        JsonNode described = api.put(base, lead, Map.of("version", current.path("version").asLong(),
                "initiative", initiative)).ok().json();
        JsonNode validated = api.post(base + "/maturity", coordinator, Map.of("version", described.path("version")
                .asLong(), "maturity", "VALIDATED", "justification", "Évaluation indépendante concluante du Cerema"))
                .ok().json();
        assertThat(validated.path("maturity").asString()).isEqualTo("VALIDATED");

        // Lorient Agglomération adopts it, plans, starts, goes live
        String adopter = tokens.token("APPLICANT", Map.of("siren", LORIENT, "subject", "lorient-" + tag));
        JsonNode replication = api.post("/api/replication/replications", adopter, Map.of("initiativeId", initiativeId,
                "adopterSiren", LORIENT, "territories", List.of("56121"))).status(201).json();
        assertThat(replication.path("status").asString()).isEqualTo("INTERESTED");
        String path = "/api/replication/replications/" + replication.path("id").asString() + "/status";
        LocalDate today = LocalDate.now(PARIS);
        for (String status : List.of("PLANNED", "IN_PROGRESS", "LIVE")) {
            replication = api.post(path, adopter, Map.of("version", replication.path("version").asLong(),
                    "status", status, "on", today.toString())).ok().json();
            assertThat(replication.path("status").asString()).isEqualTo(status);
        }
        // the registry shows the replication live, and the reach of the initiative across both territories
        JsonNode replications = api.get(base + "/replications", null).ok().json();
        assertThat(replications.size()).isEqualTo(1);
        assertThat(replications.get(0).path("adopterSiren").asString()).isEqualTo(LORIENT);
        assertThat(replications.get(0).path("status").asString()).isEqualTo("LIVE");
        JsonNode reach = api.get(base + "/reach", null).ok().json();
        assertThat(reach.path("liveReplications").asInt()).isEqualTo(1);
        assertThat(reach.path("territories").findValuesAsString("key")).contains("commune:56121", "commune:44069");
        return null;
    }

    /** An exchange from offer publication to completion; returns the completed placement. */
    private JsonNode exchange(String hostSiren, String hostType, String employerSiren, String side, String agentName) {
        LocalDate from = LocalDate.now(PARIS).plusMonths(2);
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("hostSiren", hostSiren);
        offer.put("hostType", hostType);
        offer.put("hostName", hostType.equals("STATE_SERVICE") ? "DREAL Pays de la Loire" : "Ville de Guérande");
        offer.put("regionCode", REGION);
        if (hostType.equals("STATE_SERVICE")) {
            offer.put("ministry", "MTECT");
        }
        offer.put("title", "Ouvrir les données de mobilité (" + tag + ")");
        offer.put("topics", List.of("données ouvertes", "mobilité"));
        offer.put("activities", "Préparer la publication d'un jeu de données de mobilité.");
        offer.put("learningOutcomes", "Le cycle de vie d'un jeu de données publié, de la collecte au catalogue.");
        offer.put("minDays", 5);
        offer.put("maxDays", 30);
        offer.put("windows", List.of(Map.of("startDate", from.toString(), "endDate", from.plusMonths(3).toString())));
        offer.put("capacity", 1);
        offer.put("workMode", "HYBRID");
        offer.put("place", hostType.equals("STATE_SERVICE") ? "Nantes" : "Guérande");
        String host = tokens.token("HOST_MANAGER", Map.of("siren", hostSiren, "subject", "accueil-" + hostSiren + "-" + tag));
        String offerId = api.post("/api/exchanges/offers", host, offer).status(201).json().path("id").asString();
        api.post("/api/exchanges/offers/" + offerId + "/publication", host, null).ok();

        String agent = tokens.token("AGENT", Map.of("siren", employerSiren, "subject", "agent-" + employerSiren + "-" + tag));
        String employer = tokens.token("HOST_MANAGER", Map.of("siren", employerSiren,
                "subject", "employeur-" + employerSiren + "-" + tag));
        Map<String, Object> apply = new LinkedHashMap<>();
        apply.put("agent", Map.of("name", agentName, "email", email(agentName), "category", "A"));
        apply.put("employerSide", side);
        apply.put("employerRegionCode", REGION);
        if (side.equals("STATE")) {
            apply.put("employerMinistry", "MTECT");
        }
        apply.put("startDate", from.toString());
        apply.put("endDate", from.plusDays(9).toString());
        apply.put("motivation", "Comprendre comment l'autre versant publie ses données de mobilité.");
        String applicationId = api.post("/api/exchanges/offers/" + offerId + "/applications", agent, apply).status(201)
                .json().path("id").asString();
        String application = "/api/exchanges/applications/" + applicationId;
        assertThat(api.post(application + "/employer-decision", employer, Map.of("approve", true)).ok().json()
                .path("status").asString()).isEqualTo("EMPLOYER_APPROVED");
        JsonNode accepted = api.post(application + "/host-decision", host, Map.of("approve", true)).ok().json();
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");

        String placement = "/api/exchanges/placements/" + accepted.path("placementId").asString();
        int version = api.post(placement + "/agreement", host, Map.of("objectives",
                List.of("Publier le jeu des aires de covoiturage", "Documenter la chaîne de publication"))).ok().json()
                .path("agreement").path("number").asInt();
        JsonNode agreed = null;
        // the host proposed it, so accepted it: the agent and the employer accept too
        for (String party : List.of(agent, employer)) {
            agreed = api.post(placement + "/agreement/acceptance", party, Map.of("version", version)).ok().json();
        }
        assertThat(agreed.path("status").asString()).isEqualTo("AGREED");
        assertThat(api.post(placement + "/start", host, null).ok().json().path("status").asString())
                .isEqualTo("IN_PROGRESS");
        api.post(placement + "/report", agent, Map.of("text", "Rapport de l'agent : le jeu est publié, la chaîne "
                + "documentée.")).ok();
        api.post(placement + "/feedback", host, Map.of("text", "Appréciation de l'accueil : apport décisif.")).ok();
        JsonNode completed = api.post(placement + "/completion", host, null).ok().json();
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        // the agent finds the exchange completed in their own space
        assertThat(find(api.get("/api/exchanges/me/placements", agent).ok().json(),
                p -> accepted.path("placementId").asString().equals(p.path("id").asString())))
                .hasValueSatisfying(p -> assertThat(p.path("status").asString()).isEqualTo("COMPLETED"));
        return completed;
    }

    // ----------------------------------------------------------------------------------------------- helpers --

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    /** Runs one step of the journey; a failure names the step, and the time each step took is printed. */
    private static <T> T step(String name, Step<T> step) throws Exception {
        long start = System.nanoTime();
        try {
            return step.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("Journey step « " + name + " » failed: " + e.getMessage(), e);
        } finally {
            timings.add(String.format("  %-62s %5.1f s", name.length() > 62 ? name.substring(0, 59) + "..." : name,
                    (System.nanoTime() - start) / 1e9));
        }
    }

    /**
     * Cap Atlantique's real DCAT export ({@code dcat-catalogs/capatlantique-ods} of the shared data) with one more
     * dataset: the car-pooling areas, restricted, or once published open with a CSV distribution and its schema.
     */
    private static String catalogue(String title, boolean published) throws IOException {
        Path real = SourceServer.realData(Path.of("..")).resolve(
                "dcat-catalogs/capatlantique-ods/exports-dcat-ccas-guerande.rdf");
        String rdf = Files.readString(real);
        String uri = "https://data.capatlantique.fr/explore/dataset/aires-covoiturage-"
                + title.substring(title.lastIndexOf(' ') + 1) + "/";
        String download = "https://data.capatlantique.fr/api/explore/v2.1/catalog/datasets/aires-covoiturage/exports/csv";
        String dataset = "<dcat:dataset><dcat:Dataset rdf:about=\"" + uri + "\">"
                + "<dcterms:identifier>" + uri + "</dcterms:identifier>"
                + "<dcterms:title xml:lang=\"fr\">" + title + "</dcterms:title>"
                + "<dcterms:description xml:lang=\"fr\">Localisation, capacité et équipements des aires de covoiturage "
                + "du territoire de Cap Atlantique.</dcterms:description>"
                + "<dcat:keyword>covoiturage</dcat:keyword><dcat:keyword>mobilité</dcat:keyword>"
                + "<dcterms:publisher><foaf:Agent rdf:about=\"https://www.cap-atlantique.fr\"><foaf:name>Cap Atlantique"
                + "</foaf:name></foaf:Agent></dcterms:publisher>"
                + "<dcat:landingPage rdf:resource=\"" + uri + "\"/>"
                + "<dcterms:accessRights rdf:resource=\"http://publications.europa.eu/resource/authority/access-right/"
                + (published ? "PUBLIC" : "NON_PUBLIC") + "\"/>"
                + "<dcterms:modified rdf:datatype=\"http://www.w3.org/2001/XMLSchema#dateTime\">"
                + (published ? "2026-03-02T08:00:00+00:00" : "2025-11-14T08:00:00+00:00") + "</dcterms:modified>"
                + (published ? "<dcterms:license rdf:resource=\"https://www.etalab.gouv.fr/licence-ouverte-open-licence/\"/>"
                + "<dcterms:conformsTo rdf:resource=\"https://schema.data.gouv.fr/etalab/schema-lieux-covoiturage/latest/\"/>"
                + "<dcat:distribution><dcat:Distribution rdf:about=\"" + download + "\">"
                + "<dcterms:title xml:lang=\"fr\">aires-covoiturage.csv</dcterms:title>"
                + "<dcat:accessURL rdf:resource=\"" + download + "\"/>"
                + "<dcat:downloadURL rdf:resource=\"" + download + "\"/>"
                + "<dcat:mediaType rdf:resource=\"https://www.iana.org/assignments/media-types/text/csv\"/>"
                + "</dcat:Distribution></dcat:distribution>" : "")
                + "</dcat:Dataset></dcat:dataset>";
        int at = rdf.indexOf("<dcat:service>");
        if (at < 0) {
            throw new IllegalStateException("unexpected shape of " + real);
        }
        return rdf.substring(0, at) + dataset + rdf.substring(at);
    }

    private static Optional<JsonNode> searchByTitle(String title) {
        JsonNode page = api.get("/api/dataset-search/datasets?q=covoiturage&size=50", null).ok().json();
        return find(page.path("datasets"), d -> title.equals(d.path("title").asString()));
    }

    private static Optional<JsonNode> mostDemanded(String datasetId) {
        return find(api.get("/api/dataset-search/demand/most-demanded?territory=region:" + REGION + "&limit=100", null)
                .ok().json(), d -> datasetId.equals(d.path("datasetId").asString()));
    }

    private static BigDecimal fundBalance() {
        return new BigDecimal(api.get("/api/commons-calls/preciput/fund", null).ok().json().path("balance").asString());
    }

    private static long version(String roadmap, String token) {
        return api.get(roadmap, token).ok().json().path("version").asLong();
    }

    private static JsonNode item(JsonNode roadmap, String itemId) {
        return find(roadmap.path("items"), i -> itemId.equals(i.path("id").asString()))
                .orElseThrow(() -> new AssertionError("no item " + itemId + " in " + roadmap));
    }

    private static Optional<JsonNode> find(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode n : array) {
            if (test.test(n)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
