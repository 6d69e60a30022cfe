package fr.dataterritoires.testing.local;

import fr.dataterritoires.territory.Region;
import fr.dataterritoires.territory.Siren;
import fr.dataterritoires.territory.Territories;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * {@code make run SEED=demo}: a demo world created through the gateway's REST API only, with real tokens of the
 * development issuer (the gateway's {@code /dev-issuer/token}, loopback only): the 18 régions' committees, sections of
 * a few ministries, national priorities, two funders with a programme (préciput rate) and an open call for commons,
 * host offers of a few administrations, trainings, initiatives with a replication, and DCAT sources served from
 * {@code ../shared/data/real/} by a {@link SourceServer}, harvested by dataset-search's real harvester ({@link Harvests}).
 *
 * <p>Idempotent: every step looks for what it would create (by its natural key: région, ministry, title, SIREN,
 * source id) and creates only what is missing; running it twice leaves one of each.
 *
 * <p>Run alone: {@code DemoSeed [--gateway=http://127.0.0.1:8080] [--data=../shared/data/real]}.
 */
public final class DemoSeed {

    /** What the seed found and created, step by step. */
    public record Report(Map<String, int[]> steps) {
        public int created(String step) {
            return steps.getOrDefault(step, new int[2])[1];
        }

        public int totalCreated() {
            return steps.values().stream().mapToInt(v -> v[1]).sum();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("Demo world (present / created by this run):\n");
            steps.forEach((k, v) -> s.append(String.format("  %-26s %4d / %d%n", k, v[0], v[1])));
            return s.toString();
        }
    }

    static final List<String> MINISTRIES = List.of("MTECT", "MEF", "MSANTE");
    static final String FUNDER_A = "130005481"; // the demo funder of the dev issuer
    static final String FUNDER_B = Siren.withCheckDigit("18005470").value();
    static final String CALL_TITLE = "Appel à communs de la donnée territoriale 2027";
    /** A file of ../shared/data/real served as a source of this kind. */
    record DemoSource(String id, String kind, String path) {
    }

    /** About 100 datasets of real DCAT catalogues and data.gouv.fr API answers. */
    static final List<DemoSource> SOURCES = List.of(
            new DemoSource("demo-capatlantique", "DCAT", "dcat-catalogs/capatlantique-ods/exports-dcat-ccas-guerande.rdf"),
            new DemoSource("demo-udata", "DCAT", "dcat-catalogs/udata/catalog.xml"),
            new DemoSource("demo-evian", "DCAT", "dcat-catalogs/udata/evian.json"),
            new DemoSource("demo-ckan", "DCAT", "dcat-catalogs/ckanext-dcat/catalog.rdf"),
            new DemoSource("demo-esri", "DCAT", "dcat-catalogs/udata-history/esri.jsonld"),
            new DemoSource("demo-datagouv", "DATAGOUV", "datagouv-api/udata/fixtures-results.json"),
            new DemoSource("demo-transport", "DATAGOUV", "datagouv-api/transport-site/api1-dataset-irigo-gtfs.body.json"));

    private final GatewayHttp http;
    private final DevTokens tokens;
    private final Path data;
    private final Map<String, int[]> steps = new LinkedHashMap<>();

    /** @param repo the repository root; the data: {@link SourceServer#realData(Path)} */
    public DemoSeed(URI gateway, Path repo) {
        this.http = new GatewayHttp(gateway);
        this.tokens = new DevTokens(http);
        this.data = SourceServer.realData(repo);
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create("http://127.0.0.1:8080");
        Path repo = Path.of(".").toAbsolutePath().normalize();
        for (String arg : args) {
            if (arg.startsWith("--gateway=")) {
                gateway = URI.create(arg.substring("--gateway=".length()));
            } else if (arg.startsWith("--repo=")) {
                repo = Path.of(arg.substring("--repo=".length())).toAbsolutePath().normalize();
            } else {
                System.err.println("Unknown argument " + arg + " (expected --gateway=URL, --repo=DIR)");
                System.exit(2);
            }
        }
        System.out.println(new DemoSeed(gateway, repo).run());
    }

    public Report run() throws Exception {
        committees();
        ministerialSections();
        priorities();
        fundersAndCall();
        offers();
        trainings();
        initiatives();
        datasets();
        return new Report(steps);
    }

    // ---------------------------------------------------------------------------------------------- roadmaps --

    private void committees() throws Exception {
        String coordinator = token("NATIONAL_COORDINATOR", Map.of());
        JsonNode existing = call("GET", "/api/roadmaps/governance/committees", coordinator, null, 200);
        for (Region region : Territories.get().regions()) {
            boolean present = has(existing, n -> region.code().equals(n.path("regionCode").asString()));
            if (!present) {
                call("POST", "/api/roadmaps/governance/committees", coordinator, Map.of("regionCode", region.code(),
                        "name", "Comité régional de la donnée — " + region.name(), "relevantTerritory", List.of()), 201);
            }
            count("committees", present);
        }
    }

    private void ministerialSections() throws Exception {
        int year = LocalDate.now().getYear() + 1;
        String coordinator = token("NATIONAL_COORDINATOR", Map.of());
        for (String ministry : MINISTRIES) {
            JsonNode existing = call("GET", "/api/roadmaps/roadmaps?kind=MINISTERIAL&ministry=" + ministry, coordinator,
                    null, 200);
            boolean present = existing.size() > 0;
            if (!present) {
                call("POST", "/api/roadmaps/roadmaps/ministerial", token("MINISTRY_OFFICER", Map.of("ministry", ministry)),
                        Map.of("ministry", ministry, "year", year, "title",
                                "Section ministérielle " + ministry + " de la feuille de route " + year), 201);
            }
            count("ministerial sections", present);
        }
    }

    private void priorities() throws Exception {
        String coordinator = token("NATIONAL_COORDINATOR", Map.of());
        for (String[] p : List.of(new String[] {"Adresses et bases adresse locales", "adresses"},
                new String[] {"Mobilités : offres de transport et covoiturage", "mobilite"},
                new String[] {"Eau : qualité et consommation", "eau"})) {
            boolean present = findInPages("/api/roadmaps/priorities?level=NATIONAL", coordinator, 500,
                    n -> p[0].equals(n.path("title").asString())).isPresent();
            if (!present) {
                call("POST", "/api/roadmaps/priorities", coordinator, Map.of("level", "NATIONAL", "subject", "THEME",
                        "title", p[0], "theme", p[1]), 201);
            }
            count("national priorities", present);
        }
    }

    // ------------------------------------------------------------------------------------------ commons-calls --

    private String fundersAndCall() throws Exception {
        String callId = null;
        for (String[] f : List.of(new String[] {FUNDER_A, "Agence nationale de la cohésion des territoires"},
                new String[] {FUNDER_B, "Banque des territoires"})) {
            String funder = token("FUNDER", Map.of("siren", f[0]));
            JsonNode bySiren = call("GET", "/api/commons-calls/funders?siren=" + f[0], funder, null, 200);
            Optional<JsonNode> found = find(bySiren, n -> f[0].equals(n.path("siren").asString()));
            String funderId = found.isPresent() ? found.get().path("id").asString()
                    : call("POST", "/api/commons-calls/funders", funder, Map.of("name", f[1]), 201).path("id").asString();
            count("funders", found.isPresent());
            String programmeName = "Programme " + f[1] + " pour la donnée territoriale";
            JsonNode programmes = call("GET", "/api/commons-calls/funders/" + funderId + "/programmes", funder, null, 200);
            boolean present = has(programmes, n -> programmeName.equals(n.path("name").asString()));
            if (!present) {
                call("POST", "/api/commons-calls/funders/" + funderId + "/programmes", funder,
                        Map.of("name", programmeName, "preciputRate", "0.05"), 201);
            }
            count("programmes", present);
            if (f[0].equals(FUNDER_A)) {
                callId = openCall(funder, funderId);
            }
        }
        return callId;
    }

    private String openCall(String funder, String funderId) throws Exception {
        Optional<JsonNode> found = findInPages("/api/commons-calls/calls", funder, 200,
                n -> CALL_TITLE.equals(n.path("title").asString()));
        String id;
        if (found.isPresent()) {
            id = found.get().path("id").asString();
        } else {
            Map<String, Object> body = callBody(funderId, CALL_TITLE, "500000.00");
            id = call("POST", "/api/commons-calls/calls", funder, body, 201).path("id").asString();
        }
        boolean open = found.isPresent() && "OPEN".equals(found.get().path("status").asString());
        if (!open) {
            call("POST", "/api/commons-calls/calls/" + id + "/open", funder, null, 200);
        }
        count("open calls", found.isPresent());
        return id;
    }

    /**
     * The body of {@code POST /api/commons-calls/calls}: a call for commons (software, standards, collaborative
     * databases) open from yesterday for 60 days to local authorities, mutualisation structures and associations,
     * alone or in consortium, with the ethics charter required and one review per application.
     */
    public static Map<String, Object> callBody(String funderId, String title, String budget) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("funderId", funderId);
        body.put("kind", "COMMONS");
        body.put("title", title);
        body.put("description", "Financer des communs numériques réutilisables par les collectivités : "
                + "logiciels, standards et bases de données collaboratives.");
        body.put("budget", budget);
        body.put("maxGrant", "150000.00");
        body.put("minGrant", "10000.00");
        body.put("coFundingRate", "0.8");
        body.put("opensAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        body.put("closesAt", Instant.now().plus(60, ChronoUnit.DAYS).toString());
        body.put("decisionDate", LocalDate.now().plusDays(90).toString());
        body.put("applicantTypes", List.of("LOCAL_AUTHORITY", "MUTUALISATION_STRUCTURE", "ASSOCIATION"));
        body.put("minConsortiumSize", 1);
        body.put("territorialScope", List.of());
        body.put("commonsKinds", List.of("SOFTWARE", "STANDARD", "COLLABORATIVE_DATABASE"));
        body.put("requiredDeclarations", List.of("charte-ethique"));
        body.put("reviewsPerApplication", 1);
        body.put("criteria", List.of(
                Map.of("code", "utilite", "label", "Utilité pour les territoires", "weight", 3, "maxScore", 10),
                Map.of("code", "ouverture", "label", "Ouverture et réutilisabilité", "weight", 1, "maxScore", 5)));
        return body;
    }

    // --------------------------------------------------------------------------------------------- exchanges --

    private void offers() throws Exception {
        LocalDate from = LocalDate.now().plusMonths(1);
        record Host(String siren, String type, String name, String region, String ministry, String title, String place) {
        }
        List<Host> hosts = List.of(
                new Host("180060006", "STATE_SERVICE", "Direction régionale de l'environnement (DREAL)", "84", "MTECT",
                        "Ouvrir les données environnementales de la région", "Lyon"),
                new Host(Siren.withCheckDigit("21690123").value(), "LOCAL_AUTHORITY", "Ville de Lyon", "84", null,
                        "Publier les données de mobilité d'une grande ville", "Lyon"),
                new Host(Siren.withCheckDigit("22440002").value(), "LOCAL_AUTHORITY", "Département de Loire-Atlantique",
                        "52", null, "Construire une base adresse locale", "Nantes"));
        for (Host h : hosts) {
            String host = token("HOST_MANAGER", Map.of("siren", h.siren()));
            JsonNode mine = call("GET", "/api/exchanges/offers?mine=true", host, null, 200);
            Optional<JsonNode> found = find(mine, n -> h.title().equals(n.path("title").asString()));
            String id;
            if (found.isPresent()) {
                id = found.get().path("id").asString();
            } else {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("hostSiren", h.siren());
                body.put("hostType", h.type());
                body.put("hostName", h.name());
                body.put("regionCode", h.region());
                if (h.ministry() != null) {
                    body.put("ministry", h.ministry());
                }
                body.put("title", h.title());
                body.put("topics", List.of("données ouvertes", "mobilité"));
                body.put("activities", "Participer à l'ouverture et à la publication de jeux de données.");
                body.put("learningOutcomes", "Le cycle de vie d'un jeu de données publié, de la collecte au catalogue.");
                body.put("minDays", 5);
                body.put("maxDays", 30);
                body.put("windows", List.of(Map.of("startDate", from.toString(),
                        "endDate", from.plusMonths(3).toString())));
                body.put("capacity", 2);
                body.put("workMode", "HYBRID");
                body.put("place", h.place());
                id = call("POST", "/api/exchanges/offers", host, body, 201).path("id").asString();
            }
            if (found.isEmpty() || "DRAFT".equals(found.get().path("status").asString())) {
                call("POST", "/api/exchanges/offers/" + id + "/publication", host, null, 200);
            }
            count("host offers", found.isPresent());
        }
    }

    private void trainings() throws Exception {
        String coordinator = token("NATIONAL_COORDINATOR", Map.of());
        JsonNode catalogue = call("GET", "/api/exchanges/trainings", null, null, 200);
        List<Map<String, Object>> trainings = List.of(
                Map.of("provider", "CNFPT", "title", "Promotion données territoriales", "format", "COHORT", "hours", 21,
                        "competences", List.of("Gouvernance des données"),
                        "audiences", List.of("TERRITORIAL_AGENT", "ELECTED_OFFICIAL"), "employerConsentRequired", true),
                Map.of("provider", "Etalab", "title", "Publier un jeu de données sur data.gouv.fr", "format", "ONLINE",
                        "hours", 4, "competences", List.of("Publication de données"),
                        "audiences", List.of("STATE_AGENT", "TERRITORIAL_AGENT"), "employerConsentRequired", false));
        for (Map<String, Object> t : trainings) {
            boolean present = has(catalogue, n -> t.get("title").equals(n.path("title").asString()));
            if (!present) {
                call("POST", "/api/exchanges/trainings", coordinator, t, 201);
            }
            count("trainings", present);
        }
    }

    // ------------------------------------------------------------------------------------------- replication --

    private void initiatives() throws Exception {
        String coordinator = token("NATIONAL_COORDINATOR", Map.of());
        record Initiative(String lead, String title, String domain, List<String> territories, String adopter,
                          List<String> adopted) {
        }
        List<Initiative> all = List.of(
                new Initiative("200046977", "Horaires de transport en temps réel", "Mobilité", List.of("69123"),
                        Siren.withCheckDigit("24440040").value(), List.of("44109")),
                new Initiative(Siren.withCheckDigit("21380185").value(), "Base adresse locale mutualisée", "Adresses",
                        List.of("38185"), null, null),
                new Initiative(Siren.withCheckDigit("24350013").value(), "Suivi de la consommation d'eau des bâtiments",
                        "Eau", List.of("35238"), null, null));
        for (Initiative i : all) {
            JsonNode led = call("GET", "/api/replication/initiatives?leadSiren=" + i.lead() + "&limit=200", null, null, 200);
            Optional<JsonNode> found = find(led, n -> i.title().equals(n.path("title").asString()));
            String id;
            if (found.isPresent()) {
                id = found.get().path("id").asString();
            } else {
                JsonNode created = call("POST", "/api/replication/initiatives", coordinator, initiativeBody(i.lead(),
                        i.title(), i.domain(), i.territories()), 201);
                id = created.path("id").asString();
                call("POST", "/api/replication/initiatives/" + id + "/maturity", coordinator,
                        Map.of("version", created.path("version").asLong(), "maturity", "VALIDATED",
                                "justification", "Évaluation indépendante concluante"), 200);
            }
            count("initiatives", found.isPresent());
            if (i.adopter() != null) {
                JsonNode replications = call("GET", "/api/replication/initiatives/" + id + "/replications", null, null,
                        200);
                boolean present = has(replications, n -> i.adopter().equals(n.path("adopterSiren").asString()));
                if (!present) {
                    call("POST", "/api/replication/replications", coordinator, Map.of("initiativeId", id,
                            "adopterSiren", i.adopter(), "territories", i.adopted()), 201);
                }
                count("replications", present);
            }
        }
    }

    /** The body of {@code POST /api/replication/initiatives}: a documented, independently evaluated initiative. */
    public static Map<String, Object> initiativeBody(String lead, String title, String domain, List<String> territories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadSiren", lead);
        body.put("title", title);
        body.put("problem", "Un besoin commun à de nombreux territoires, résolu une fois et partagé.");
        body.put("policyDomain", domain);
        body.put("territories", territories);
        body.put("commons", Map.of("title", title, "kind", "SOFTWARE", "repositoryUrl",
                "https://git.example.fr/communs/" + Math.abs(title.hashCode()), "licence", "EUPL-1.2",
                "dataSchemas", List.of("etalab/schema-lieux-covoiturage")));
        body.put("indicators", List.of(Map.of("name", "Usagers satisfaits", "unit", "%", "before", "41.5",
                "after", "63.0", "evaluation", Map.of("method", "Enquête avant/après auprès de 1 200 usagers",
                        "evaluator", "Cerema", "evaluatedOn", LocalDate.now().minusMonths(2).toString(),
                        "reportUrl", "https://www.cerema.fr/rapport", "independent", true))));
        body.put("ethicsCharter", "Charte éthique des communs numériques");
        body.put("labels", List.of("Territoire numérique libre"));
        body.put("annualRunningCost", "45000.00");
        body.put("skills", List.of("Administration PostgreSQL"));
        body.put("kit", Map.of("documentationUrl", "https://doc.example.fr/kit", "schemas", List.of(),
                "contacts", List.of(Map.of("organisation", "Service données", "function", "Référent données",
                        "email", "donnees@example.fr"))));
        return body;
    }

    // ---------------------------------------------------------------------------------------- dataset-search --

    private void datasets() throws Exception {
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("no demo data at " + data + " (set DT_DEMO_DATA to ../shared/data/real)");
        }
        Harvests harvests = new Harvests(http, token("NATIONAL_COORDINATOR", Map.of()));
        try (SourceServer server = SourceServer.serving(data)) {
            List<String> runs = new ArrayList<>();
            for (DemoSource s : SOURCES) {
                boolean present = harvests.declare(s.id(), "Démo : " + s.path(), s.kind(), server.url(s.path()));
                count("dataset sources", present);
                runs.add(harvests.request(s.id()));
            }
            int datasets = 0;
            int added = 0;
            for (String run : runs) {
                JsonNode c = harvests.await(run).path("counts");
                added += c.path("new").asInt();
                datasets += c.path("new").asInt() + c.path("updated").asInt() + c.path("unchanged").asInt();
            }
            steps.put("harvested datasets", new int[] {datasets, added});
        }
    }

    // ------------------------------------------------------------------------------------------------- HTTP --

    /** A development token of the gateway's dev issuer (loopback only), cached per role and scope. */
    String token(String role, Map<String, String> scope) {
        return tokens.token(role, scope);
    }

    JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        return http.call(method, path, token, body, expected);
    }

    /** The first item of a paged list ({@code limit}/{@code offset}) that passes, reading pages until a short one. */
    private Optional<JsonNode> findInPages(String path, String token, int limit, Predicate<JsonNode> test)
            throws Exception {
        String separator = path.contains("?") ? "&" : "?";
        for (int offset = 0; offset <= 100_000; offset += limit) {
            JsonNode page = call("GET", path + separator + "limit=" + limit + "&offset=" + offset, token, null, 200);
            Optional<JsonNode> found = find(page, test);
            if (found.isPresent() || page.size() < limit) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean has(JsonNode array, Predicate<JsonNode> test) {
        return find(array, test).isPresent();
    }

    private static Optional<JsonNode> find(JsonNode array, Predicate<JsonNode> test) {
        JsonNode items = array.isArray() ? array : array.path("content");
        for (JsonNode n : items) {
            if (test.test(n)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private void count(String step, boolean present) {
        int[] v = steps.computeIfAbsent(step, k -> new int[2]);
        v[0]++;
        if (!present) {
            v[1]++;
        }
    }
}
