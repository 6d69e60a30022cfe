package fr.dataterritoires.roadmaps.web.consolidation;

import static fr.dataterritoires.roadmaps.support.Api.COORDINATOR;
import static fr.dataterritoires.roadmaps.support.Api.MTECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.roadmaps.support.Api;
import fr.dataterritoires.roadmaps.support.RealDatasetSearch;
import fr.dataterritoires.roadmaps.support.ServiceTest;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national consolidation on a fixture covering all 18 régions: 12 with a committee, of which 4 with a published
 * roadmap covering 2027 (one région has two, the latest-starting one counts), one with a roadmap for an earlier
 * period, one submitted, one draft; ministerial sections published, submitted and out of period. Its own context
 * (hence its own database), so that other tests' committees and roadmaps cannot change the figures.
 */
@ServiceTest
@TestPropertySource(properties = "roadmaps.test.context=consolidation")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolidationApiTest {

    /** Datasets of the real catalogue, several régions naming each; ids in the catalogue's (sorted) order, so that
     * EAU comes before PCRS where the demanded datasets tie on their number of régions. */
    static final String BAL = RealDatasetSearch.anyDatasetId(0);
    static final String EAU = RealDatasetSearch.anyDatasetId(1);
    static final String PCRS = RealDatasetSearch.anyDatasetId(2);

    static final String MEF = TestIssuer.token(DevUsers.demo(Role.MINISTRY_OFFICER)
            .withSubject("demo-ministere-mef").withMinistry("MEF"));

    @LocalServerPort
    int port;
    Api api;

    @BeforeAll
    void fixture() {
        api = new Api(port);
        for (String region : List.of("11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93")) {
            api.committee(region);
        }
        api.post("/api/priorities", COORDINATOR, Map.of("level", "NATIONAL", "subject", "DATASET",
                "title", "Base adresse locale", "datasetReference", BAL, "targetAccessLevel", "OPEN",
                "targetDate", "2027-01-01")).status(201);

        // 84: a use case rolled up from two datasets (weights 3 and 1), a financial line; published
        Committee r84 = committee("84", 2026, 2028);
        String uc = r84.add(useCase("84", "Mobilités du quotidien")).lastItemId();
        r84.add(dataset(BAL, "NATIONAL", "IN_PROGRESS", uc, 3));
        r84.add(dataset(PCRS, "LOCAL", "COMPLETED", uc, 1));
        String fl84 = r84.add(financialLine("100000.10")).lastItemId();
        r84.publish(Map.of(fl84, new String[] {"80000.05", null}));

        // 11 (2027 only): two datasets and a one-cent line; published
        Committee r11 = committee("11", 2027, 2027);
        r11.add(dataset(BAL, "NATIONAL", "COMPLETED", null, 1));
        r11.add(dataset(EAU, "LOCAL", null, null, 1));
        String fl11 = r11.add(financialLine("0.01")).lastItemId();
        r11.publish(Map.of(fl11, new String[] {"0.01", null}));

        // 93 (2025-2029): published, nothing granted
        Committee r93 = committee("93", 2025, 2029);
        r93.add(dataset(BAL, "LOCAL", "IN_STUDY", null, 1));
        r93.add(dataset(PCRS, "NATIONAL", null, null, 1));
        String fl93 = r93.add(financialLine("2500.50")).lastItemId();
        r93.publish(Map.of(fl93, new String[] {"0.00", null}));

        // 53: two published roadmaps cover 2027; the one starting in 2027 counts
        Committee r53a = committee("53", 2026, 2028);
        r53a.add(dataset(EAU, "LOCAL", null, null, 1));
        r53a.publish(Map.of());
        Committee r53b = committee("53", 2027, 2027);
        String fl53 = r53b.add(financialLine("10.00")).lastItemId();
        r53b.publish(Map.of(fl53, new String[] {"10.00", null}));

        // 44: published, but for 2023-2025; 75 submitted; 76 draft
        Committee r44 = committee("44", 2023, 2025);
        r44.add(dataset(BAL, "NATIONAL", null, null, 1));
        r44.publish(Map.of());
        Committee r75 = committee("75", 2026, 2028);
        r75.add(dataset(BAL, "NATIONAL", null, null, 1));
        r75.submit();
        committee("76", 2026, 2028).add(dataset(EAU, "LOCAL", null, null, 1));

        // MTECT 2027: two actions (one granted without FTE), two data-return commitments (one met); published
        Committee mtect = ministry("MTECT", MTECT, 2027);
        String a1 = mtect.add(action("region:84", "2.50", "300000.00")).lastItemId();
        String a2 = mtect.add(action("region:11", "1.25", "0.10")).lastItemId();
        mtect.add(dataReturn("Retour A des consommations d'énergie", 180, 30));
        mtect.add(dataReturn("Retour B des permis de construire", 30, 30));
        Map<String, String[]> grants = new LinkedHashMap<>();
        grants.put(a1, new String[] {"250000.00", "2.00"});
        grants.put(a2, new String[] {"0.05", null});
        mtect.publish(grants);
        // MEF 2027 submitted; MTECT 2026 draft (out of the period)
        Committee mef = ministry("MEF", MEF, 2027);
        mef.add(action("region:93", "0.33", "1000.01"));
        mef.submit();
        ministry("MTECT", MTECT, 2026).add(action("region:84", "7.00", "7.00"));
    }

    @Test
    void anyoneReadsThePublishedFiguresOfAll18Regions() {
        JsonNode c = exact(api.get("/api/roadmaps/consolidation?period=2027", null).ok().body());
        assertThat(c.path("period").asString()).isEqualTo("2027");
        assertThat(c.path("scope").asString()).isEqualTo("PUBLISHED");
        JsonNode regions = c.path("regions");
        assertThat(regions).hasSize(18);
        List<String> codes = new ArrayList<>();
        regions.forEach(r -> codes.add(r.path("regionCode").asString()));
        assertThat(codes).containsExactly("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53",
                "75", "76", "84", "93", "94");

        JsonNode s84 = region(c, "84").path("roadmap");
        assertThat(region(c, "84").path("regionName").asString()).isEqualTo("Auvergne-Rhône-Alpes");
        assertThat(region(c, "84").path("committee").path("name").asString()).contains("84");
        assertThat(s84.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(s84.path("period").asString()).isEqualTo("2026-2028");
        // use case: (3 × 50 + 1 × 100) / 4 = 62.5 → 63; roadmap: (63 + 0) / 2 = 31.5 → 32
        assertThat(s84.path("progress").asInt()).isEqualTo(32);
        assertThat(s84.path("items").asInt()).isEqualTo(4);
        assertThat(s84.path("itemsByKind").toString())
                .isEqualTo("{\"USE_CASE\":1,\"DATASET\":2,\"ROLE_ALLOCATION\":0,\"FINANCIAL_LINE\":1}");
        assertThat(s84.path("requestedAmount").decimalValue()).isEqualTo(new BigDecimal("100000.10"));
        assertThat(s84.path("grantedAmount").decimalValue()).isEqualTo(new BigDecimal("80000.05"));
        assertThat(s84.path("version").asLong()).isEqualTo(9);
        assertThat(s84.path("publishedAt").asString()).isNotBlank();
        assertThat(region(c, "11").path("roadmap").path("progress").asInt()).isEqualTo(33);
        assertThat(region(c, "93").path("roadmap").path("progress").asInt()).isEqualTo(3);
        assertThat(region(c, "93").path("roadmap").path("grantedAmount").decimalValue()).isEqualTo(new BigDecimal("0.00"));
        assertThat(region(c, "53").path("roadmap").path("period").asString()).isEqualTo("2027");
        for (String unread : List.of("01", "24", "44", "75", "76")) {
            assertThat(region(c, unread).path("roadmap").isNull()).as(unread).isTrue();
        }
        assertThat(region(c, "01").path("committee").isNull()).isTrue();

        assertThat(c.path("summary").toString()).isEqualTo("{\"regions\":18,\"regionsWithCommittee\":12,"
                + "\"regionsWithRoadmap\":4,\"regionsWithPublishedRoadmap\":4,\"dataReturnCommitments\":2,"
                + "\"dataReturnCommitmentsMet\":1}");
        assertThat(strings(c.path("gaps").path("regionsWithoutCommittee")))
                .containsExactly("01", "02", "03", "04", "06", "94");
        assertThat(strings(c.path("gaps").path("regionsWithoutPublishedRoadmap")))
                .containsExactly("01", "02", "03", "04", "06", "24", "27", "28", "32", "44", "52", "75", "76", "94");

        JsonNode demanded = c.path("demandedDatasets");
        assertThat(demanded).hasSize(2);
        assertThat(demanded.get(0).path("catalogueDatasetId").asString()).isEqualTo(BAL);
        assertThat(demanded.get(0).path("regionCount").asInt()).isEqualTo(3);
        assertThat(strings(demanded.get(0).path("regions"))).containsExactly("11", "84", "93");
        assertThat(demanded.get(0).path("onNationalPriorityList").asBoolean()).isTrue();
        assertThat(demanded.get(0).path("answersNationalPriority").asBoolean()).isTrue();
        assertThat(demanded.get(0).path("answersLocalPriority").asBoolean()).isTrue();
        assertThat(demanded.get(1).path("catalogueDatasetId").asString()).isEqualTo(PCRS);
        assertThat(strings(demanded.get(1).path("regions"))).containsExactly("84", "93");
        assertThat(demanded.get(1).path("onNationalPriorityList").asBoolean()).isFalse();

        JsonNode ministries = c.path("ministries");
        assertThat(ministries).hasSize(1);
        JsonNode m = ministries.get(0);
        assertThat(m.path("ministry").asString()).isEqualTo("MTECT");
        assertThat(m.path("actions").asInt()).isEqualTo(2);
        assertThat(m.path("actionsArbitrated").asInt()).isEqualTo(2);
        assertThat(m.path("requestedFte").decimalValue()).isEqualTo(new BigDecimal("3.75"));
        assertThat(m.path("grantedFte").decimalValue()).isEqualTo(new BigDecimal("2.00"));
        assertThat(m.path("requestedAmount").decimalValue()).isEqualTo(new BigDecimal("300000.10"));
        assertThat(m.path("grantedAmount").decimalValue()).isEqualTo(new BigDecimal("250000.05"));
        assertThat(m.path("sections").get(0).path("year").asInt()).isEqualTo(2027);
        assertThat(c.path("ministriesTotal").path("grantedAmount").decimalValue()).isEqualTo(new BigDecimal("250000.05"));

        JsonNode returns = c.path("dataReturns");
        assertThat(returns).hasSize(2);
        assertThat(returns.get(0).path("title").asString()).startsWith("Retour A");
        assertThat(returns.get(0).path("currentDelayDays").asInt()).isEqualTo(180);
        assertThat(returns.get(0).path("targetDelayDays").asInt()).isEqualTo(30);
        assertThat(returns.get(0).path("daysToGain").asInt()).isEqualTo(150);
        assertThat(returns.get(0).path("met").asBoolean()).isFalse();
        assertThat(returns.get(1).path("met").asBoolean()).isTrue();
        assertThat(returns.get(1).path("daysToGain").asInt()).isZero();
    }

    @Test
    void aCoordinatorMayIncludeRoadmapsNotYetPublished() {
        api.get("/api/roadmaps/consolidation?period=2027&scope=all", null).problem(401);
        api.get("/api/roadmaps/consolidation?period=2027&scope=all", MTECT).problem(403, "coordinateurs");
        JsonNode c = exact(api.get("/api/roadmaps/consolidation?period=2027&scope=all", COORDINATOR).ok().body());
        assertThat(c.path("scope").asString()).isEqualTo("ALL");
        assertThat(c.path("summary").path("regionsWithRoadmap").asInt()).isEqualTo(6);
        assertThat(c.path("summary").path("regionsWithPublishedRoadmap").asInt()).isEqualTo(4);
        assertThat(region(c, "75").path("roadmap").path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(region(c, "76").path("roadmap").path("status").asString()).isEqualTo("DRAFT");
        assertThat(strings(c.path("gaps").path("regionsWithoutPublishedRoadmap"))).contains("75", "76");
        JsonNode demanded = c.path("demandedDatasets");
        assertThat(demanded.get(0).path("regionCount").asInt()).isEqualTo(4);
        assertThat(strings(demanded.get(0).path("regions"))).containsExactly("11", "75", "84", "93");
        assertThat(demanded).hasSize(3);
        assertThat(demanded.get(1).path("catalogueDatasetId").asString()).isEqualTo(EAU);
        assertThat(strings(demanded.get(1).path("regions"))).containsExactly("11", "76");

        JsonNode mef = c.path("ministries").get(0);
        assertThat(mef.path("ministry").asString()).isEqualTo("MEF");
        assertThat(mef.path("actionsArbitrated").asInt()).isZero();
        assertThat(mef.path("requestedAmount").decimalValue()).isEqualTo(new BigDecimal("1000.01"));
        assertThat(mef.path("grantedAmount").decimalValue()).isEqualTo(new BigDecimal("0.00"));
        JsonNode total = c.path("ministriesTotal");
        assertThat(total.path("actions").asInt()).isEqualTo(3);
        assertThat(total.path("requestedFte").decimalValue()).isEqualTo(new BigDecimal("4.08"));
        assertThat(total.path("requestedAmount").decimalValue()).isEqualTo(new BigDecimal("301000.11"));
        assertThat(total.path("grantedAmount").decimalValue()).isEqualTo(new BigDecimal("250000.05"));

        // the draft MTECT 2026 section counts for 2026-2027, not for 2027
        JsonNode twoYears = exact(api.get("/api/roadmaps/consolidation?period=2026-2027&scope=all", COORDINATOR).ok().body());
        JsonNode mtect = twoYears.path("ministries").get(1);
        assertThat(mtect.path("sections")).hasSize(2);
        assertThat(mtect.path("requestedFte").decimalValue()).isEqualTo(new BigDecimal("10.75"));
        // for 2026-2027 only 84 (2026-2028), 93 (2025-2029) and 53 (its 2026-2028 one) cover the whole period
        assertThat(twoYears.path("summary").path("regionsWithPublishedRoadmap").asInt()).isEqualTo(3);
        assertThat(region(twoYears, "53").path("roadmap").path("period").asString()).isEqualTo("2026-2028");
        assertThat(region(twoYears, "11").path("roadmap").isNull()).isTrue();
    }

    @Test
    void theTablesComeAsCsvForFrenchSpreadsheets() {
        HttpResponse<byte[]> response = raw("/api/roadmaps/consolidation?period=2027&format=csv&table=regions");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("consolidation-regions-2027.csv");
        byte[] body = response.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        List<String> lines = List.of(new String(body, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines).hasSize(19);
        assertThat(lines.get(0)).startsWith("Code région;Région;Comité;Feuille de route;Période;Statut;Version;");
        String line84 = lines.stream().filter(l -> l.startsWith("84;")).findFirst().orElseThrow();
        assertThat(line84).startsWith("84;Auvergne-Rhône-Alpes;Comité territorial de la donnée 84;"
                + "Feuille de route 84 2026-2028;2026-2028;PUBLISHED;9;");
        assertThat(line84).endsWith(";32;4;1;2;0;1;100000,10;80000,05");
        assertThat(lines).contains("01;Guadeloupe;;;;;;;;;;;;;;");

        String ministries = new String(raw("/api/roadmaps/consolidation?period=2027&format=csv&table=ministries")
                .body(), StandardCharsets.UTF_8);
        assertThat(ministries).contains("\r\nMTECT;2027 (PUBLISHED);2;2;3,75;2,00;300000,10;250000,05\r\n")
                .contains("\r\nTOTAL;;2;2;3,75;2,00;300000,10;250000,05\r\n");
        String datasets = new String(raw("/api/roadmaps/consolidation?period=2027&format=csv&table=datasets").body(),
                StandardCharsets.UTF_8);
        assertThat(datasets).contains("\r\n" + BAL + ";Jeu " + BAL + ";3;11, 84, 93;oui;oui;oui\r\n");
        String returns = new String(raw("/api/roadmaps/consolidation?period=2027&format=csv&table=data-returns").body(),
                StandardCharsets.UTF_8);
        assertThat(returns).contains("\r\nMTECT;2027;Retour A des consommations d'énergie;Données Retour A des "
                + "consommations d'énergie;180;30;150;non;PLANNED;0\r\n");
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        api.get("/api/roadmaps/consolidation?period=27", null).problem(400, "period");
        api.get("/api/roadmaps/consolidation?period=2028-2026", null).problem(400, "period");
        api.get("/api/roadmaps/consolidation?period=2020-2040", null).problem(400, "period");
        api.get("/api/roadmaps/consolidation?period=2027&scope=drafts", null).problem(400, "scope");
        api.get("/api/roadmaps/consolidation?period=2027&format=xlsx", null).problem(400, "format");
        api.get("/api/roadmaps/consolidation?period=2027&format=csv", null).problem(400, "table");
        api.get("/api/roadmaps/consolidation?period=2027&format=csv&table=communes", null).problem(400, "table");
        api.get("/api/roadmaps/consolidation?period=2027&table=regions", null).problem(400, "table");
        api.get("/api/roadmaps/consolidation?period=2027&minRegions=0", null).problem(400, "minRegions");
        api.get("/api/roadmaps/consolidation?period=2027&minRegions=deux", null).problem(400, "minRegions");
    }

    // ---- fixture ----------------------------------------------------------------------------------------------

    /** Decimals kept as sent (scale included), so that "exact sums" means exact. */
    private static JsonNode exact(String body) {
        return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build().readTree(body);
    }

    private static JsonNode region(JsonNode c, String code) {
        for (JsonNode r : c.path("regions")) {
            if (r.path("regionCode").asString().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no région " + code);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private HttpResponse<byte[]> raw(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Committee committee(String region, int start, int end) {
        JsonNode r = api.post("/api/roadmaps/committee", COORDINATOR, Map.of("regionCode", region, "startYear", start,
                "endYear", end, "title", "Feuille de route " + region + " " + start + "-" + end)).status(201).json();
        return new Committee(r.path("id").asString(), COORDINATOR, r.path("version").asLong());
    }

    private Committee ministry(String ministry, String token, int year) {
        JsonNode r = api.post("/api/roadmaps/ministerial", token, Map.of("ministry", ministry, "year", year,
                "title", "Section " + ministry + " " + year)).status(201).json();
        return new Committee(r.path("id").asString(), token, r.path("version").asLong());
    }

    /** A roadmap being filled, with the version last read. */
    private final class Committee {
        final String id;
        final String token;
        long version;
        JsonNode last;

        Committee(String id, String token, long version) {
            this.id = id;
            this.token = token;
            this.version = version;
        }

        Committee add(Map<String, Object> item) {
            Map<String, Object> body = new LinkedHashMap<>(item);
            body.put("version", version);
            last = api.post("/api/roadmaps/" + id + "/items", token, body).status(201).json();
            version = last.path("version").asLong();
            return this;
        }

        String lastItemId() {
            JsonNode items = last.path("items");
            return items.get(items.size() - 1).path("id").asString();
        }

        void submit() {
            version = api.post("/api/roadmaps/" + id + "/submission", token, Map.of("version", version)).ok().json()
                    .path("version").asLong();
        }

        /** Submits, reviews, arbitrates ({@code grants}: item → {amount, fte or null}) and publishes. */
        void publish(Map<String, String[]> grants) {
            submit();
            version = api.post("/api/roadmaps/" + id + "/review", COORDINATOR, Map.of("version", version)).ok().json()
                    .path("version").asLong();
            List<Map<String, Object>> decisions = new ArrayList<>();
            grants.forEach((item, grant) -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("itemId", item);
                d.put("grantedAmount", new BigDecimal(grant[0]));
                if (grant[1] != null) {
                    d.put("grantedFte", new BigDecimal(grant[1]));
                }
                d.put("reason", "Arbitrage de la consolidation");
                decisions.add(d);
            });
            version = api.post("/api/roadmaps/" + id + "/arbitration", COORDINATOR,
                    Map.of("version", version, "decisions", decisions)).ok().json().path("version").asLong();
            version = api.post("/api/roadmaps/" + id + "/publication", COORDINATOR, Map.of("version", version)).ok()
                    .json().path("version").asLong();
        }
    }

    static Map<String, Object> useCase(String region, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "USE_CASE");
        body.put("title", title);
        body.put("useCase", Map.of("policyDomain", "Mobilités", "territory", List.of("region:" + region),
                "expectedOutcome", "Des trajets mieux connus"));
        return body;
    }

    static Map<String, Object> dataset(String id, String answers, String status, String parent, int weight) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "DATASET");
        body.put("title", "Jeu " + id);
        if (parent != null) {
            body.put("parentId", parent);
        }
        body.put("weight", weight);
        if (status != null) {
            body.put("status", status);
        }
        body.put("dataset", Map.of("catalogueDatasetId", id, "targetAccessLevel", "OPEN", "targetDate", "2027-06-30",
                "responsibleSiren", "200046977", "answers", answers));
        return body;
    }

    static Map<String, Object> financialLine(String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "FINANCIAL_LINE");
        body.put("title", "Ligne de l'État");
        body.put("financialLine", Map.of("amount", new BigDecimal(amount), "year", 2027, "source", "STATE"));
        return body;
    }

    static Map<String, Object> action(String territory, String fte, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "ACTION");
        body.put("title", "Action " + territory);
        body.put("action", Map.of("territory", List.of(territory), "deconcentratedServices", List.of("DREAL"),
                "requestedFte", new BigDecimal(fte), "requestedAmount", new BigDecimal(amount)));
        return body;
    }

    static Map<String, Object> dataReturn(String title, int current, int target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "DATA_RETURN");
        body.put("title", title);
        body.put("dataReturn", Map.of("datasetCollected", "Données " + title, "currentDelayDays", current,
                "targetDelayDays", target));
        return body;
    }
}
