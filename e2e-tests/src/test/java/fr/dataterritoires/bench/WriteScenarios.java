package fr.dataterritoires.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.RSAKey;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevIssuerKeys;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.territory.Region;
import fr.dataterritoires.testing.local.DemoSeed;
import fr.dataterritoires.territory.Siren;
import fr.dataterritoires.territory.Territories;
import tools.jackson.databind.JsonNode;

/**
 * The main write of each service (issue 10 §1), as a client of {@link LoadRunner}: set-up through the service's own
 * API, then one operation per {@link LoadRunner.Client#send}. The same scenario runs through the gateway and straight
 * to the service ({@link Target}); {@link RowCapture} then replays the rows it made with plain JDBC.
 *
 * <p>Each client of a step has its own state: {@link LoadRunner} gives client {@code c} the indices
 * {@code [c × SLOT, (c + 1) × SLOT)}, so {@link #client(int)} and {@link #sequence(int)} recover it.
 */
final class WriteScenarios {

    /** Indices per client: more requests than one client can send in a step. */
    static final int SLOT = 1_000_000;

    private WriteScenarios() {
    }

    static int client(int index) {
        return index / SLOT;
    }

    static int sequence(int index) {
        return index % SLOT;
    }

    /** Where requests go: the gateway ({@code /api/<service>/...}) or the service itself ({@code /api/...}). */
    record Target(String label, HttpApi api, String prefix) {

        static Target gateway(int port, String service) {
            return new Target("gateway", new HttpApi(port), "/api/" + service);
        }

        static Target direct(int port) {
            return new Target("service", new HttpApi(port), "/api");
        }

        /** {@code path} relative to the service's API root, e.g. {@code /roadmaps/committee}. */
        HttpApi.Response post(String path, String token, Object body) {
            return api.post(prefix + path, token, body);
        }

        HttpApi.Response send(String method, String path, String token, String contentType, byte[] body) {
            return api.send(method, prefix + path, token, contentType, body);
        }

        HttpApi.Response get(String path, String token) {
            return api.get(prefix + path, token);
        }
    }

    /** Tokens of the suite's development issuer, minted here with its key (the services trust it, ADR 0005). */
    static final class Tokens {

        private final DevTokenMinter minter;
        private final Map<String, String> cache = new ConcurrentHashMap<>();

        Tokens(Path issuerDirectory) {
            RSAKey key = DevIssuerKeys.loadOrCreate(issuerDirectory);
            this.minter = new DevTokenMinter(key);
        }

        String coordinator() {
            return cache.computeIfAbsent("coordinator", k -> minter.mint(DevUsers.demo(Role.NATIONAL_COORDINATOR)
                    .withTtl(Duration.ofHours(4))));
        }

        String committee(String region) {
            return cache.computeIfAbsent("committee-" + region, k -> minter.mint(DevUsers.demo(Role.COMMITTEE_MEMBER)
                    .withRegion(region).withSubject("bench-comite-" + region).withTtl(Duration.ofHours(4))));
        }

        String withSiren(Role role, String siren, String subject) {
            return cache.computeIfAbsent(role + "-" + siren + "-" + subject, k -> minter.mint(DevUsers.demo(role)
                    .withSiren(siren).withSubject(subject).withTtl(Duration.ofHours(4))));
        }

        /** Not cached: a new user each time. */
        String fresh(Role role, String siren, String subject) {
            return minter.mint(DevUsers.demo(role).withSiren(siren).withSubject(subject).withTtl(Duration.ofHours(4)));
        }
    }

    /** One service's main write. */
    interface Scenario {

        /** The service as LocalSuite names it (and the gateway's route). */
        String service();

        /** Its schema in the suite's database. */
        String schema();

        /** What one operation is, for the report. */
        String operation();

        /** Requests per operation (the figures are per operation). */
        default int requestsPerOperation() {
            return 1;
        }

        /** Prerequisites, once, straight to the service. */
        void setUp(Target direct) throws Exception;

        /** A fresh client state for a step of {@code concurrency} clients through {@code target}. */
        LoadRunner.Client step(Target target, int concurrency) throws Exception;
    }

    /** A scenario's identity: its service, schema and operation. */
    abstract static class Base implements Scenario {

        final Tokens tokens;
        private final String service;
        private final String schema;
        private final String operation;

        Base(Tokens tokens, String service, String schema, String operation) {
            this.tokens = tokens;
            this.service = service;
            this.schema = schema;
            this.operation = operation;
        }

        @Override
        public String service() {
            return service;
        }

        @Override
        public String schema() {
            return schema;
        }

        @Override
        public String operation() {
            return operation;
        }
    }

    static List<Scenario> all(Tokens tokens) {
        return List.of(new RoadmapItems(tokens), new CommonsApplications(tokens), new ExchangeApplications(tokens),
                new Replications(tokens), new InnovationLevies(tokens));
    }

    static boolean created(HttpApi.Response response) {
        return response.status() == 201 || response.status() == 200;
    }

    static HttpApi.Response expect(HttpApi.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " " + response.body());
        }
        return response;
    }

    /** A valid SIREN made of 8 random digits and its Luhn check digit. */
    static String randomSiren() {
        return Siren.withCheckDigit(String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999)))
                .value();
    }

    // ------------------------------------------------------------------------------------------------ roadmaps --

    /**
     * roadmaps: a committee member files an item (a use case) in their committee's draft roadmap. Each client has its
     * own roadmap (one région, one period), a new one every {@value #ITEMS_PER_ROADMAP} items, made before the
     * request is timed: a roadmap of a realistic size, and no client waits on another's version. Client k of every
     * step goes on with the roadmap client k of the step before left unfinished: a fresh roadmap per client and step
     * used up the régions' 23 periods (2030-2098) once the quiet machine's steps filed more items. A new roadmap goes
     * to the next région in turn, not to the client's own: client 0 alone files every item of the 1-client steps, and
     * with a fixed région it used up région 01's periods by the 64-client step (make bench of 23:17).
     */
    static final class RoadmapItems extends Base {

        static final int ITEMS_PER_ROADMAP = 60;
        private final List<String> regions = Territories.get().regions().stream().map(Region::code).toList();
        private final Map<String, AtomicInteger> nextYear = new ConcurrentHashMap<>();
        private final AtomicInteger nextRegion = new AtomicInteger();
        /** Per client: its roadmap, its région, the version it last saw, the items it filed there (kept across steps). */
        private String[] roadmap = new String[0];
        private String[] regionOf = new String[0];
        private long[] version = new long[0];
        private int[] items = new int[0];

        RoadmapItems(Tokens tokens) {
            super(tokens, "roadmaps", "roadmaps",
                    "file a roadmap item (`POST /api/roadmaps/roadmaps/{id}/items`, a use case, committee member)");
        }

        @Override
        public void setUp(Target direct) {
            JsonNode existing = expect(direct.get("/governance/committees", tokens.coordinator()), 200, "committees")
                    .json();
            for (String region : regions) {
                boolean present = false;
                for (JsonNode c : existing) {
                    present |= region.equals(c.path("regionCode").asString());
                }
                if (!present) {
                    expect(direct.post("/governance/committees", tokens.coordinator(), Map.of("regionCode", region,
                            "name", "Comité régional de la donnée " + region + " (banc d'essai)",
                            "relevantTerritory", List.of())), 201, "committee " + region);
                }
                nextYear.put(region, new AtomicInteger(2030));
            }
        }

        @Override
        public LoadRunner.Client step(Target target, int concurrency) {
            if (roadmap.length < concurrency) {
                roadmap = java.util.Arrays.copyOf(roadmap, concurrency);
                regionOf = java.util.Arrays.copyOf(regionOf, concurrency);
                version = java.util.Arrays.copyOf(version, concurrency);
                items = java.util.Arrays.copyOf(items, concurrency);
            }
            String[] roadmap = this.roadmap;
            String[] regionOf = this.regionOf;
            long[] version = this.version;
            int[] items = this.items;
            return new LoadRunner.Client() {
                @Override
                public void prepare(int index) {
                    int c = client(index);
                    if (roadmap[c] == null || items[c] >= ITEMS_PER_ROADMAP) {
                        String region = null;
                        int year = 0;
                        for (int tried = 0; tried < regions.size() && region == null; tried++) {
                            String candidate = regions.get(Math.floorMod(nextRegion.getAndIncrement(), regions.size()));
                            year = nextYear.get(candidate).getAndAdd(3);
                            region = year + 2 > 2100 ? null : candidate; // the service takes years up to 2100
                        }
                        if (region == null) {
                            throw new IllegalStateException("no period left in any région");
                        }
                        JsonNode created = expect(target.post("/roadmaps/committee", tokens.committee(region),
                                Map.of("regionCode", region, "startYear", year, "endYear", year + 2,
                                        "title", "Feuille de route " + year + "-" + (year + 2) + " (banc d'essai)")),
                                201, "roadmap").json();
                        roadmap[c] = created.path("id").asString();
                        regionOf[c] = region;
                        version[c] = created.path("version").asLong();
                        items[c] = 0;
                    }
                }

                @Override
                public boolean send(int index) {
                    int c = client(index);
                    String region = regionOf[c];
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("version", version[c]);
                    item.put("kind", "USE_CASE");
                    item.put("title", "Cas d'usage n° " + sequence(index) + " : covoiturage du quotidien");
                    item.put("useCase", Map.of("policyDomain", "Mobilité", "territory", List.of("region:" + region),
                            "expectedOutcome", "Des trajets domicile-travail partagés",
                            "indicators", List.of(Map.of("name", "Trajets covoiturés par jour", "baseline", 120,
                                    "target", 600, "unit", "trajets", "dueDate", "2035-12-31"))));
                    HttpApi.Response r = target.post("/roadmaps/" + roadmap[c] + "/items", tokens.committee(region), item);
                    if (r.status() != 201) {
                        throw new IllegalStateException("HTTP " + r.status() + " " + r.body());
                    }
                    version[c] = r.json().path("version").asLong();
                    items[c]++;
                    return true;
                }
            };
        }
    }

    // ------------------------------------------------------------------------------------------- commons-calls --

    /** Funder, programme and open call of commons-calls, made once for both of its scenarios. */
    static final class CommonsCallsSetUp {

        static final String FUNDER_SIREN = DevUsers.DEMO_FUNDER_SIREN;
        String callId;
        String programmeId;

        synchronized void ensure(Target direct, Tokens tokens) {
            if (callId != null) {
                return;
            }
            String funder = tokens.withSiren(Role.FUNDER, FUNDER_SIREN, "bench-financeur");
            String funderId = null;
            for (JsonNode f : expect(direct.get("/funders?siren=" + FUNDER_SIREN, funder), 200, "funders").json()) {
                if (FUNDER_SIREN.equals(f.path("siren").asString())) {
                    funderId = f.path("id").asString();
                }
            }
            if (funderId == null) {
                funderId = expect(direct.post("/funders", funder, Map.of("name", "Fonds du banc d'essai")), 201,
                        "funder").json().path("id").asString();
            }
            String tag = UUID.randomUUID().toString().substring(0, 8);
            programmeId = expect(direct.post("/funders/" + funderId + "/programmes", funder,
                    Map.of("name", "Programme d'innovation du banc d'essai " + tag, "preciputRate", "0.05")), 201,
                    "programme").json().path("id").asString();
            // a budget no step exhausts
            Map<String, Object> body = DemoSeed.callBody(funderId, "Appel à communs du banc d'essai " + tag,
                    "900000000.00");
            callId = expect(direct.post("/calls", funder, body), 201, "call").json().path("id").asString();
            expect(direct.post("/calls/" + callId + "/open", funder, null), 200, "open the call");
        }
    }

    private static final CommonsCallsSetUp COMMONS_CALLS = new CommonsCallsSetUp();

    /** commons-calls: a consortium lead drafts an application to an open call for commons and submits it. */
    static final class CommonsApplications extends Base {


        CommonsApplications(Tokens tokens) {
            super(tokens, "commons-calls", "commons_calls",
                    "submit an application (`POST /api/commons-calls/applications`, then `…/{id}/submit`: 2 requests)");
        }

        @Override
        public int requestsPerOperation() {
            return 2;
        }

        @Override
        public void setUp(Target direct) {
            COMMONS_CALLS.ensure(direct, tokens);
        }

        @Override
        public LoadRunner.Client step(Target target, int concurrency) {
            String[] lead = new String[concurrency];
            String[] token = new String[concurrency];
            return new LoadRunner.Client() {
                @Override
                public void prepare(int index) {
                    int c = client(index);
                    if (lead[c] == null) {
                        lead[c] = randomSiren();
                        token[c] = tokens.withSiren(Role.APPLICANT, lead[c], "bench-porteur-" + lead[c]);
                    }
                }

                @Override
                public boolean send(int index) {
                    int c = client(index);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("callId", COMMONS_CALLS.callId);
                    body.put("consortium", List.of(Map.of("siren", lead[c], "name", "Communauté de communes " + c,
                            "type", "LOCAL_AUTHORITY", "role", "LEAD")));
                    body.put("commons", Map.of("title", "Commun n° " + sequence(index) + " du client " + c,
                            "kind", "SOFTWARE", "summary", "Un logiciel libre pour publier les aires de covoiturage.",
                            "licence", "EUPL-1.2", "repositoryUrl", "https://git.example.fr/communs/banc-" + c + "-"
                                    + sequence(index), "schemas", List.of("etalab/schema-lieux-covoiturage")));
                    body.put("requestedAmount", "90000.00");
                    body.put("budget", List.of(Map.of("label", "Développement", "amount", "100000.00"),
                            Map.of("label", "Animation et essaimage", "amount", "50000.00")));
                    body.put("ethicsCharter", "Charte éthique des communs numériques");
                    body.put("labels", List.of("Numérique en commun(s)"));
                    body.put("sustainabilityPlan", "Gouvernance partagée par la structure de mutualisation.");
                    body.put("replicationConditions", "Kit de déploiement documenté.");
                    body.put("territories", List.of("44069"));
                    body.put("declarations", List.of("charte-ethique"));
                    HttpApi.Response draft = target.post("/applications", token[c], body);
                    if (draft.status() != 201) {
                        throw new IllegalStateException("draft: HTTP " + draft.status() + " " + draft.body());
                    }
                    String id = draft.json().path("id").asString();
                    HttpApi.Response submitted = target.post("/applications/" + id + "/submit", token[c], null);
                    if (submitted.status() != 200) {
                        throw new IllegalStateException("submit: HTTP " + submitted.status() + " " + submitted.body());
                    }
                    return true;
                }
            };
        }
    }

    /**
     * commons-calls: a funder registers an innovation project with its préciput levy (the funders' file import of
     * one project: `POST /api/commons-calls/preciput/imports`, the levy posted to the ledger in the same transaction).
     */
    static final class InnovationLevies extends Base {


        InnovationLevies(Tokens tokens) {
            super(tokens, "commons-calls", "commons_calls", "register an innovation project with its préciput levy "
                    + "(`POST /api/commons-calls/preciput/imports`, a one-project CSV, funder)");
        }

        @Override
        public void setUp(Target direct) {
            COMMONS_CALLS.ensure(direct, tokens);
        }

        @Override
        public LoadRunner.Client step(Target target, int concurrency) {
            String funder = tokens.withSiren(Role.FUNDER, CommonsCallsSetUp.FUNDER_SIREN, "bench-financeur");
            return index -> {
                String reference = "BANC-" + UUID.randomUUID();
                String csv = "projectReference;programmeId;beneficiarySiren;projectFunding\n" + reference + ";"
                        + COMMONS_CALLS.programmeId + ";" + DevUsers.DEMO_APPLICANT_SIREN + ";200000.00\n";
                HttpApi.Response r = target.send("POST", "/preciput/imports?fileName=" + reference + ".csv", funder,
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8));
                if (r.status() != 201) {
                    throw new IllegalStateException("HTTP " + r.status() + " " + r.body());
                }
                return true;
            };
        }
    }

    // ---------------------------------------------------------------------------------------------- exchanges --

    /** exchanges: a public agent (a new one each time) applies to one of a few published offers. */
    static final class ExchangeApplications extends Base {

        static final int OFFERS = 8;
        private final List<String> offers = new ArrayList<>();
        private final LocalDate from = LocalDate.now().plusMonths(1);

        ExchangeApplications(Tokens tokens) {
            super(tokens, "exchanges", "exchanges",
                    "apply to an exchange (`POST /api/exchanges/offers/{id}/applications`, a new agent each time)");
        }

        @Override
        public void setUp(Target direct) {
            String host = tokens.withSiren(Role.HOST_MANAGER, DevUsers.DEMO_HOST_SIREN, "bench-accueil");
            for (int i = 0; i < OFFERS; i++) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("hostSiren", DevUsers.DEMO_HOST_SIREN);
                body.put("hostType", "STATE_SERVICE");
                body.put("hostName", "Direction régionale de l'environnement (banc d'essai)");
                body.put("regionCode", "84");
                body.put("ministry", "MTECT");
                body.put("title", "Ouvrir les données environnementales n° " + i + " (banc d'essai)");
                body.put("topics", List.of("données ouvertes"));
                body.put("activities", "Participer à l'ouverture et à la publication de jeux de données.");
                body.put("learningOutcomes", "Le cycle de vie d'un jeu de données publié.");
                body.put("minDays", 5);
                body.put("maxDays", 30);
                body.put("windows", List.of(Map.of("startDate", from.toString(), "endDate",
                        from.plusMonths(6).toString())));
                body.put("capacity", 5);
                body.put("workMode", "HYBRID");
                body.put("place", "Lyon");
                String id = expect(direct.post("/offers", host, body), 201, "offer").json().path("id").asString();
                expect(direct.post("/offers/" + id + "/publication", host, null), 200, "publication");
                offers.add(id);
            }
        }

        @Override
        public LoadRunner.Client step(Target target, int concurrency) {
            String[] token = new String[concurrency];
            String[] subject = new String[concurrency];
            return new LoadRunner.Client() {
                @Override
                public void prepare(int index) {
                    int c = client(index);
                    subject[c] = "bench-agent-" + UUID.randomUUID();
                    token[c] = tokens.fresh(Role.AGENT, "213800006", subject[c]);
                }

                @Override
                public boolean send(int index) {
                    int c = client(index);
                    String offer = offers.get((c + sequence(index)) % offers.size());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("agent", Map.of("name", "Agent " + subject[c].substring(12, 20), "email",
                            subject[c] + "@exemple.gouv.fr", "category", "A"));
                    body.put("employerSide", "TERRITORIAL");
                    body.put("employerRegionCode", "84");
                    body.put("startDate", from.plusDays(7).toString());
                    body.put("endDate", from.plusDays(16).toString());
                    body.put("motivation", "Comprendre comment l'autre versant publie ses données.");
                    HttpApi.Response r = target.post("/offers/" + offer + "/applications", token[c], body);
                    if (r.status() != 201) {
                        throw new IllegalStateException("HTTP " + r.status() + " " + r.body());
                    }
                    return true;
                }
            };
        }
    }

    // -------------------------------------------------------------------------------------------- replication --

    /**
     * replication: the national coordinator records that a territory (a new adopter each time) replicates one of a few
     * initiatives.
     */
    static final class Replications extends Base {

        static final int INITIATIVES = 8;
        private final List<String> initiatives = new ArrayList<>();

        Replications(Tokens tokens) {
            super(tokens, "replication", "replication", "record a replication "
                    + "(`POST /api/replication/replications`, a new adopter each time, coordinator)");
        }

        @Override
        public void setUp(Target direct) {
            String coordinator = tokens.coordinator();
            for (int i = 0; i < INITIATIVES; i++) {
                String title = "Initiative n° " + i + " du banc d'essai " + UUID.randomUUID().toString().substring(0, 8);
                Map<String, Object> body = DemoSeed.initiativeBody(randomSiren(), title, "Mobilité", List.of("69123"));
                JsonNode created = expect(direct.post("/initiatives", coordinator, body), 201, "initiative").json();
                String id = created.path("id").asString();
                expect(direct.post("/initiatives/" + id + "/maturity", coordinator, Map.of("version",
                        created.path("version").asLong(), "maturity", "VALIDATED", "justification",
                        "Évaluation indépendante concluante")), 200, "maturity");
                initiatives.add(id);
            }
        }

        @Override
        public LoadRunner.Client step(Target target, int concurrency) {
            String coordinator = tokens.coordinator();
            return index -> {
                String initiative = initiatives.get((client(index) + sequence(index)) % initiatives.size());
                HttpApi.Response r = target.post("/replications", coordinator, Map.of("initiativeId", initiative,
                        "adopterSiren", randomSiren(), "territories", List.of("56121")));
                if (r.status() != 201) {
                    throw new IllegalStateException("HTTP " + r.status() + " " + r.body());
                }
                return true;
            };
        }
    }
}
