package fr.dataterritoires.e2e.security.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.e2e.support.Eventually;
import fr.dataterritoires.e2e.support.GatewayApi;
import fr.dataterritoires.testing.local.DevTokens;
import fr.dataterritoires.testing.local.Harvests;
import fr.dataterritoires.testing.local.SourceServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The real resources the matrix is walked on, created through the gateway by their rightful owners (the callers
 * without {@code _OTHER}), and a valid request for each row, so that a refusal is the authorization's and not the
 * input's: a draft committee roadmap of région 84 with an item, its committee and a member; the funder's call, closed
 * and under evaluation, with the applicant's application assessed by the designated evaluator, a second application
 * of the applicant awarded directly, with its signed agreement and tranches, a programme, a préciput import and an
 * allocation of the fund (a ledger transaction); a published host offer with the agent's application, accepted by the
 * employer and the host (so a placement), a training and the agent's enrolment; an initiative led by the applicant, a
 * replication it adopts, a programme call whose jury holds the evaluator, and a second one already selected (a
 * cohort); a catalogue served on loopback and harvested (a source, its run), whose restricted dataset the applicant's
 * organisation produces, with the agent's access request. Every row names one of them: none is walked on a resource
 * that the walk did not create, except where the security filter decides alone.
 */
final class MatrixFixtures implements AutoCloseable {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A request the walk sends: the service's path, a body (JSON object, or raw bytes with their type). */
    record Request(String path, Object json, byte[] raw, String contentType) {
    }

    private final URI gateway;
    private final GatewayApi api;
    private final DevTokens tokens;
    private final String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    /** Resource name → id, for the resources created. */
    private final Map<String, String> ids = new HashMap<>();
    /** Resource versions the bodies name (a stale one is fine: the refusal comes before the version check). */
    private final Map<String, Long> versions = new HashMap<>();

    /** The catalogue dataset-search harvests for the walk, served on loopback until {@link #close()}. */
    private SourceServer sources;
    private Harvests harvests;

    MatrixFixtures(URI gateway) {
        this.gateway = gateway;
        this.api = new GatewayApi(gateway);
        this.tokens = new DevTokens(gateway);
    }

    /**
     * The caller's token; its subject is the matrix's plus this walk's tag, so that a walk again on the same suite
     * (a {@code make run}) meets none of the previous one's people (an agent's exchanges, an erased agent).
     */
    String token(Caller caller) {
        if (caller.role() == null) {
            return null;
        }
        Map<String, String> scope = new LinkedHashMap<>(caller.scope());
        scope.put("subject", subject(caller));
        return tokens.token(caller.role().name(), scope);
    }

    String subject(Caller caller) {
        return caller.subject() + "-" + tag;
    }

    Map<String, String> ids() {
        return ids;
    }

    // ---- creation ------------------------------------------------------------------------------------------------

    void create() {
        // the harvest runs in dataset-search while the other services' resources are created
        String run = harvest();
        roadmaps();
        commonsCalls();
        exchanges();
        replication();
        datasetSearch(run);
    }

    /** Stops serving the walk's catalogue (a run the walk requested then fails to read it: nothing is withdrawn). */
    @Override
    public void close() {
        if (sources != null) {
            sources.close();
        }
    }

    private void roadmaps() {
        String coordinator = token(Caller.COORDINATOR);
        String committee = token(Caller.COMMITTEE);
        JsonNode committees = api.get("/api/roadmaps/governance/committees", coordinator).ok().json();
        Optional<JsonNode> existing = find(committees, "regionCode", "84");
        String body = existing.map(c -> c.path("id").asString()).orElseGet(() ->
                api.post("/api/roadmaps/governance/committees", coordinator, Map.of("regionCode", "84",
                        "name", "Comité territorial de la donnée Auvergne-Rhône-Alpes", "relevantTerritory", List.of()))
                        .status(201).json().path("id").asString());
        ids.put("body", body);
        ids.put("membership", api.post("/api/roadmaps/governance/bodies/" + body + "/members", coordinator,
                Map.of("person", Map.of("name", "Référente data de la matrice " + tag), "role", "MEMBER",
                        "joinedOn", LocalDate.now(PARIS).toString())).status(201).json().path("id").asString());
        // one roadmap per committee and period: a period of its own
        int year = 2040;
        for (JsonNode r : api.get("/api/roadmaps/roadmaps?kind=COMMITTEE&region=84&limit=500", coordinator).ok()
                .json()) {
            year = Math.max(year, r.path("endYear").asInt() + 1);
        }
        JsonNode roadmap = api.post("/api/roadmaps/roadmaps/committee", committee, Map.of("regionCode", "84",
                "startYear", year, "endYear", year + 2, "title", "Feuille de route de la matrice " + tag))
                .status(201).json();
        ids.put("roadmap", roadmap.path("id").asString());
        JsonNode withItem = api.post("/api/roadmaps/roadmaps/" + ids.get("roadmap") + "/items", committee,
                useCase(roadmap.path("version").asLong(), year)).status(201).json();
        ids.put("roadmapItem", withItem.path("items").get(0).path("id").asString());
        versions.put("roadmap", withItem.path("version").asLong());
        ids.put("roadmapVersion", "1");
    }

    private void commonsCalls() {
        String funder = token(Caller.FUNDER);
        String applicant = token(Caller.APPLICANT);
        String funderId = find(api.get("/api/commons-calls/funders", null).ok().json(), "siren", Caller.FUNDER.siren())
                .map(f -> f.path("id").asString()).orElseGet(() -> api.post("/api/commons-calls/funders", funder,
                        Map.of("name", "Financeur de la matrice")).status(201).json().path("id").asString());
        ids.put("funder", funderId);
        ids.put("programme", api.post("/api/commons-calls/funders/" + funderId + "/programmes", funder,
                Map.of("name", "Programme de la matrice " + tag, "preciputRate", "0.05")).status(201).json()
                .path("id").asString());
        Map<String, Object> call = call(funderId);
        String callId = api.post("/api/commons-calls/calls", funder, call).status(201).json().path("id").asString();
        ids.put("call", callId);
        api.post("/api/commons-calls/calls/" + callId + "/open", funder, null).ok();
        String applicationId = api.post("/api/commons-calls/applications", applicant, application(callId)).status(201)
                .json().path("id").asString();
        ids.put("application", applicationId);
        api.post("/api/commons-calls/applications/" + applicationId + "/submit", applicant, null).ok();
        // a second application of the applicant, awarded directly: the award, its agreement and tranches
        String awardedId = api.post("/api/commons-calls/applications", applicant, application(callId)).status(201)
                .json().path("id").asString();
        api.post("/api/commons-calls/applications/" + awardedId + "/submit", applicant, null).ok();
        api.post("/api/commons-calls/calls/" + callId + "/close", funder, null).ok();
        api.post("/api/commons-calls/calls/" + callId + "/evaluation", funder, null).ok();
        for (String id : List.of(applicationId, awardedId)) {
            api.post("/api/commons-calls/applications/" + id + "/eligibility", funder,
                    Map.of("eligible", true, "reason", "Consortium et budget conformes.")).ok();
        }
        ids.put("award", api.post("/api/commons-calls/applications/" + awardedId + "/award", funder,
                Map.of("amount", "50000.00", "reason", "Projet retenu par la matrice.")).status(201).json()
                .path("id").asString());
        JsonNode agreed = api.post("/api/commons-calls/awards/" + ids.get("award") + "/agreement", funder,
                agreement()).ok().json();
        // the pre-financing tranche: the first, payable without a report
        ids.put("tranche", agreed.path("tranches").get(0).path("id").asString());
        api.post("/api/commons-calls/applications/" + applicationId + "/assignments", funder,
                Map.of("evaluatorSubject", subject(Caller.EVALUATOR), "evaluatorSiren", Caller.EVALUATOR.siren()))
                .status(201);
        String csv = "projectReference,programmeId,projectFunding\nMATRICE-" + tag + "," + ids.get("programme")
                + ",1000.00\n";
        ids.put("import", api.send("POST", "/api/commons-calls/preciput/imports?fileName=matrice.csv", funder,
                "text/csv", csv.getBytes(StandardCharsets.UTF_8)).status(201).json().path("id").asString());
        // the import's levy funds it: an allocation to the award, a ledger transaction the coordinator may reverse
        ids.put("transaction", api.post("/api/commons-calls/preciput/allocations", token(Caller.COORDINATOR),
                Map.of("purpose", "COMMONS_AWARD", "beneficiarySiren", Caller.APPLICANT.siren(), "awardId",
                        ids.get("award"), "amount", "1.00", "reason", "Abonder la subvention de la matrice."))
                .status(201).json().path("id").asString());
    }

    private void exchanges() {
        String host = token(Caller.HOST);
        String agent = token(Caller.AGENT);
        String offerId = api.post("/api/exchanges/offers", host, offer()).status(201).json().path("id").asString();
        ids.put("offer", offerId);
        api.post("/api/exchanges/offers/" + offerId + "/publication", host, null).ok();
        String applicationId = api.post("/api/exchanges/offers/" + offerId + "/applications", agent, apply())
                .status(201).json().path("id").asString();
        ids.put("exchangeApplication", applicationId);
        api.post("/api/exchanges/applications/" + applicationId + "/employer-decision", token(Caller.EMPLOYER),
                Map.of("approve", true)).ok();
        JsonNode accepted = api.post("/api/exchanges/applications/" + applicationId + "/host-decision", host,
                Map.of("approve", true)).ok().json();
        ids.put("placement", accepted.path("placementId").asString());
        assertThat(ids.get("placement")).as(accepted.toString()).isNotBlank();
        String trainingId = api.post("/api/exchanges/trainings", token(Caller.COORDINATOR), training()).status(201)
                .json().path("id").asString();
        ids.put("training", trainingId);
        ids.put("enrolment", api.post("/api/exchanges/trainings/" + trainingId + "/enrolments", agent, enrol())
                .status(201).json().path("id").asString());
    }

    private void replication() {
        String applicant = token(Caller.APPLICANT);
        JsonNode initiative = api.post("/api/replication/initiatives", applicant, initiative()).status(201).json();
        ids.put("initiative", initiative.path("id").asString());
        // validated on its evidence: only then is it replicated
        api.post("/api/replication/initiatives/" + ids.get("initiative") + "/maturity", token(Caller.COORDINATOR),
                Map.of("version", initiative.path("version").asLong(), "maturity", "VALIDATED",
                        "justification", "Évaluation indépendante concluante.")).ok();
        JsonNode replication = api.post("/api/replication/replications", applicant, Map.of(
                "initiativeId", ids.get("initiative"), "adopterSiren", Caller.APPLICANT.siren(),
                "territories", List.of("69123"))).status(201).json();
        ids.put("replication", replication.path("id").asString());
        ids.put("programmeCall", api.post("/api/replication/programme/calls", token(Caller.COORDINATOR),
                programmeCall()).status(201).json().path("id").asString());
        ids.put("candidacy", api.post("/api/replication/programme/calls/" + ids.get("programmeCall")
                + "/candidacies", applicant, Map.of("initiativeId", ids.get("initiative"),
                "motivation", "Passer à l'échelle avec l'accompagnement du programme.")).status(201).json()
                .path("id").asString());
        // a second call, scored and selected: its cohort (the score under the call's minimum leaves it empty, so the
        // initiative stays as the other rows expect it)
        Map<String, Object> selected = programmeCall();
        selected.put("minimumScore", "5.00");
        String cohortCall = api.post("/api/replication/programme/calls", token(Caller.COORDINATOR), selected)
                .status(201).json().path("id").asString();
        String cohortCandidacy = api.post("/api/replication/programme/calls/" + cohortCall + "/candidacies", applicant,
                Map.of("initiativeId", ids.get("initiative"), "motivation", "Candidature de la matrice."))
                .status(201).json().path("id").asString();
        api.put("/api/replication/programme/calls/" + cohortCall + "/candidacies/" + cohortCandidacy + "/scores",
                token(Caller.EVALUATOR), Map.of("scores", Map.of("SCALABILITY", 1))).ok();
        ids.put("cohort", api.post("/api/replication/programme/calls/" + cohortCall + "/selection",
                token(Caller.COORDINATOR), Map.of("cohortName", "Promotion de la matrice " + tag)).ok().json()
                .path("cohort").path("id").asString());
    }

    /** Declares the walk's catalogue as a source and requests its harvest; returns the run's id. */
    private String harvest() {
        try {
            sources = SourceServer.serving(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String source = "matrice-" + tag;
        sources.put(source + ".ttl", catalogue());
        harvests = new Harvests(gateway, token(Caller.COORDINATOR));
        harvests.declare(source, "Catalogue de la matrice " + tag, "DCAT", sources.url(source + ".ttl"));
        ids.put("source", source);
        return harvests.request(source);
    }

    private void datasetSearch(String run) {
        JsonNode finished = harvests.await(run);
        assertThat(finished.path("counts").path("failed").asInt()).as(finished.toString()).isZero();
        ids.put("harvestRun", run);
        String title = datasetTitle();
        // the search index follows the catalogue: the dataset is found once indexed
        JsonNode dataset = Eventually.await("the walk's restricted dataset « " + title + " » found by search",
                Duration.ofSeconds(30), () -> find(api.get("/api/dataset-search/datasets?q=" + tag + "&size=20", null)
                        .ok().json().path("datasets"), "title", title), Optional::isPresent).orElseThrow();
        ids.put("dataset", dataset.path("id").asString());
        ids.put("accessRequest", api.post("/api/dataset-search/access-requests", token(Caller.AGENT),
                accessRequest()).status(201).json().path("id").asString());
        ids.put("useProfile", api.get("/api/dataset-search/use-profiles", null).ok().json().path("profiles").get(0)
                .path("id").asString());
    }

    // ---- the request of each row ---------------------------------------------------------------------------------

    /** Which resource a path's parameter names, by service and path. */
    static String resourceOf(String service, String path, String parameter) {
        return switch (parameter) {
            case "itemId" -> "roadmapItem";
            case "membershipId" -> "membership";
            case "number" -> "roadmapVersion";
            case "trancheId" -> "tranche";
            case "enrolmentId" -> "enrolment";
            case "candidacyId" -> "candidacy";
            case "action" -> "ckanAction";
            default -> switch (service + " " + path.split("/")[2]) {
                case "roadmaps governance" -> "body";
                case "roadmaps roadmaps" -> "roadmap";
                case "commons-calls funders" -> "funder";
                case "commons-calls calls" -> "call";
                case "commons-calls applications" -> "application";
                case "commons-calls awards" -> "award";
                case "commons-calls preciput" -> path.contains("/imports/") ? "import" : "transaction";
                case "exchanges offers" -> "offer";
                case "exchanges applications" -> "exchangeApplication";
                case "exchanges placements" -> "placement";
                case "exchanges trainings" -> "training";
                case "replication initiatives" -> "initiative";
                case "replication replications" -> "replication";
                case "replication programme" -> path.contains("/cohorts/") ? "cohort" : "programmeCall";
                case "dataset-search datasets", "dataset-search catalog" -> "dataset";
                case "dataset-search sources" -> "source";
                case "dataset-search harvest-runs" -> "harvestRun";
                case "dataset-search access-requests" -> "accessRequest";
                case "dataset-search use-profiles" -> "useProfile";
                default -> throw new IllegalStateException("no resource for {" + parameter + "} in " + service + " "
                        + path);
            };
        };
    }

    /**
     * The row's request on the matrix's resources; empty when it names a resource the walk did not create or has no
     * valid body for (then only what the security filter decides is walked).
     */
    Optional<Request> request(Entry e) {
        String path = e.path();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder concrete = new StringBuilder();
        boolean real = true;
        while (m.find()) {
            String resource = resourceOf(e.service(), e.path(), m.group(1));
            String id = resource.equals("ckanAction") ? "package_search" : ids.get(resource);
            if (id == null) {
                real = false;
                id = UUID.randomUUID().toString();
            }
            m.appendReplacement(concrete, id);
        }
        m.appendTail(concrete);
        String servicePath = concrete + query(e);
        boolean write = !e.method().equals("GET");
        Object body = write ? body(e) : null;
        if (!real || (write && body == null && !BODYLESS.contains(e.service() + " " + e.key()))) {
            return Optional.empty();
        }
        if (body instanceof Raw raw) {
            return Optional.of(new Request(servicePath, null, raw.bytes(), raw.type()));
        }
        return Optional.of(new Request(servicePath, body, null, null));
    }

    /** The same row with a resource that may not exist: for what the security filter decides alone. */
    Request filterOnly(Entry e) {
        String path = e.path().replaceAll("\\{action}", "package_search").replaceAll("\\{\\w+}",
                UUID.randomUUID().toString());
        return new Request(path + query(e), e.method().equals("GET") ? null : Map.of(), null,
                null);
    }

    private record Raw(byte[] bytes, String type) {
    }

    /** Actions without a body. */
    private static final java.util.Set<String> BODYLESS = java.util.Set.of(
            "commons-calls POST /api/calls/{id}/open", "commons-calls POST /api/calls/{id}/close",
            "commons-calls POST /api/calls/{id}/evaluation", "commons-calls POST /api/calls/{id}/decisions",
            "commons-calls POST /api/applications/{id}/submit", "commons-calls POST /api/applications/{id}/withdraw",
            "exchanges POST /api/offers/{id}/publication", "exchanges POST /api/offers/{id}/closure",
            "exchanges POST /api/applications/{id}/withdrawal", "exchanges POST /api/placements/{id}/start",
            "exchanges POST /api/placements/{id}/completion", "exchanges DELETE /api/me/personal-data",
            "exchanges POST /api/trainings/enrolments/{enrolmentId}/completion",
            "dataset-search POST /api/index/rebuild", "dataset-search POST /api/sources/{id}/runs",
            "dataset-search POST /api/access-requests/{id}/acknowledgement",
            "dataset-search POST /api/access-requests/{id}/grant",
            "dataset-search POST /api/access-requests/{id}/withdrawal",
            "roadmaps DELETE /api/roadmaps/{id}/items/{itemId}");

    private static String query(Entry e) {
        return switch (e.service() + " " + e.key()) {
            case "roadmaps GET /api/roadmaps/{id}/diff" -> "?from=1&to=1";
            case "roadmaps POST /api/roadmaps/{id}/items/import" -> "?dryRun=true";
            case "roadmaps DELETE /api/roadmaps/{id}/items/{itemId}" -> "?version=1";
            default -> "";
        };
    }

    private Object body(Entry e) {
        long roadmapVersion = versions.getOrDefault("roadmap", 1L);
        LocalDate today = LocalDate.now(PARIS);
        return switch (e.service() + " " + e.key()) {
            // roadmaps: versions are the fixture's (a change an allowed caller makes moves it on: then 409)
            case "roadmaps POST /api/governance/committees" -> Map.of("regionCode", "84",
                    "name", "Comité territorial de la donnée Auvergne-Rhône-Alpes", "relevantTerritory", List.of());
            case "roadmaps PUT /api/governance/bodies/{id}" -> Map.of("name",
                    "Comité territorial de la donnée Auvergne-Rhône-Alpes");
            case "roadmaps POST /api/governance/bodies/{id}/members" -> Map.of("person", Map.of("name",
                    "Membre ajouté par la matrice"), "role", "MEMBER", "joinedOn", today.toString());
            case "roadmaps POST /api/governance/bodies/{id}/members/{membershipId}/departure" -> Map.of("leftOn",
                    today.toString());
            case "roadmaps POST /api/priorities" -> Map.of("level", "LOCAL", "regionCode", "84", "subject",
                    "THEME", "title", "Mobilité du quotidien", "theme", "mobilite");
            case "roadmaps POST /api/roadmaps/committee" -> Map.of("regionCode", "84", "startYear", 2040,
                    "endYear", 2042, "title", "Feuille de route de la matrice");
            case "roadmaps POST /api/roadmaps/ministerial" -> Map.of("ministry", "MTECT", "year", 2040,
                    "title", "Section territoriale de la matrice");
            case "roadmaps PUT /api/roadmaps/{id}/title" -> Map.of("version", roadmapVersion, "title",
                    "Feuille de route de la matrice " + tag);
            case "roadmaps POST /api/roadmaps/{id}/items", "roadmaps PUT /api/roadmaps/{id}/items/{itemId}" ->
                    useCase(roadmapVersion, 2040);
            case "roadmaps POST /api/roadmaps/{id}/items/{itemId}/tracking" -> Map.of("version", roadmapVersion,
                    "status", "IN_PROGRESS", "progress", 10);
            case "roadmaps POST /api/roadmaps/{id}/items/{itemId}/comments" -> Map.of("text",
                    "Commentaire de la matrice d'autorisation.");
            case "roadmaps POST /api/roadmaps/{id}/submission", "roadmaps POST /api/roadmaps/{id}/reopening",
                 "roadmaps POST /api/roadmaps/{id}/review", "roadmaps POST /api/roadmaps/{id}/publication" ->
                    Map.of("version", roadmapVersion);
            case "roadmaps POST /api/roadmaps/{id}/change-request" -> Map.of("version", roadmapVersion,
                    "reason", "Préciser le calendrier.");
            case "roadmaps POST /api/roadmaps/{id}/arbitration" -> Map.of("version", roadmapVersion,
                    "decisions", List.of());
            case "roadmaps POST /api/roadmaps/{id}/items/import" -> new Raw(
                    "[]".getBytes(StandardCharsets.UTF_8), "application/json");
            // commons-calls
            case "commons-calls POST /api/funders" -> Map.of("name", "Financeur de la matrice");
            case "commons-calls POST /api/funders/{id}/programmes" -> Map.of("name", "Programme " + tag,
                    "preciputRate", "0.05");
            case "commons-calls POST /api/calls" -> call(ids.get("funder"));
            case "commons-calls PUT /api/calls/{id}" -> {
                Map<String, Object> c = call(null);
                c.put("version", 1);
                yield c;
            }
            case "commons-calls POST /api/applications" -> application(ids.get("call"));
            case "commons-calls PUT /api/applications/{id}" -> {
                Map<String, Object> a = application(null);
                a.put("version", 1);
                yield a;
            }
            case "commons-calls POST /api/applications/{id}/eligibility" -> Map.of("eligible", true,
                    "reason", "Conforme.");
            case "commons-calls POST /api/applications/{id}/assignments" -> Map.of("evaluatorSubject",
                    "mx-evaluateur-supplementaire", "evaluatorSiren", Caller.EVALUATOR.siren());
            case "commons-calls POST /api/applications/{id}/conflict" -> Map.of("reason",
                    "Lien avec un membre du consortium.");
            case "commons-calls POST /api/applications/{id}/review" -> Map.of("scores", Map.of(
                    "utilite", Map.of("value", 8, "comment", "Besoin partagé."),
                    "ouverture", Map.of("value", 4, "comment", "Licence ouverte.")));
            case "commons-calls POST /api/applications/{id}/consensus" -> Map.of("score", "70.0",
                    "comment", "Consensus du panel.");
            case "commons-calls POST /api/applications/{id}/award" -> Map.of("amount", "50000.00",
                    "reason", "Projet retenu.");
            case "commons-calls POST /api/awards/{id}/agreement" -> agreement();
            case "commons-calls POST /api/awards/{id}/tranches/{trancheId}/payment" -> Map.of("paidOn",
                    today.toString(), "paymentReference", "VIR-MATRICE-" + tag);
            case "commons-calls POST /api/awards/{id}/tranches/{trancheId}/reports" -> Map.of("title",
                    "Rapport de la matrice", "summary", "Avancement du commun à la date du rapport.");
            case "commons-calls POST /api/preciput/allocations" -> Map.of("purpose", "REPLICATION_SUPPORT",
                    "beneficiarySiren", Caller.APPLICANT.siren(), "amount", "1.00", "reason", "Matrice.");
            case "commons-calls POST /api/preciput/transactions/{id}/reversal" -> Map.of("reason", "Matrice.");
            case "commons-calls POST /api/preciput/imports" -> new Raw(("projectReference,programmeId,projectFunding\n"
                    + "MATRICE-" + tag + "," + ids.get("programme") + ",1000.00\n").getBytes(StandardCharsets.UTF_8),
                    "text/csv");
            // exchanges
            case "exchanges POST /api/offers" -> offer();
            case "exchanges POST /api/offers/{id}/applications" -> apply();
            case "exchanges POST /api/applications/{id}/employer-decision",
                 "exchanges POST /api/applications/{id}/host-decision" -> Map.of("approve", true);
            case "exchanges POST /api/placements/{id}/agreement" -> Map.of("objectives",
                    List.of("Publier un jeu de données"));
            case "exchanges POST /api/placements/{id}/agreement/acceptance" -> Map.of("version", 1);
            case "exchanges POST /api/placements/{id}/report", "exchanges POST /api/placements/{id}/feedback",
                 "exchanges POST /api/placements/{id}/cancellation" -> Map.of("text", "Texte de la matrice.");
            case "exchanges POST /api/trainings" -> training();
            case "exchanges POST /api/trainings/{id}/enrolments" -> enrol();
            case "exchanges POST /api/trainings/enrolments/{enrolmentId}/consent" -> Map.of("granted", true);
            // replication
            case "replication POST /api/initiatives" -> initiative();
            case "replication PUT /api/initiatives/{id}" -> Map.of("version", 0, "initiative", initiative());
            case "replication POST /api/initiatives/{id}/maturity" -> Map.of("version", 0, "maturity", "VALIDATED",
                    "justification", "Évaluation indépendante.");
            case "replication POST /api/initiatives/{id}/supports" -> Map.of("kind", "MENTORING",
                    "providerSiren", Caller.APPLICANT.siren(), "receivedOn", today.toString(),
                    "description", "Accompagnement au déploiement.");
            case "replication POST /api/programme/calls" -> programmeCall();
            case "replication POST /api/programme/calls/{id}/candidacies" -> Map.of("initiativeId",
                    ids.getOrDefault("initiative", UUID.randomUUID().toString()), "motivation", "Matrice.");
            case "replication PUT /api/programme/calls/{id}/candidacies/{candidacyId}/scores" -> Map.of("scores",
                    Map.of("SCALABILITY", 4));
            case "replication POST /api/programme/calls/{id}/selection" -> Map.of("cohortName", "Promotion " + tag);
            case "replication POST /api/replications" -> Map.of("initiativeId", ids.getOrDefault("initiative",
                    UUID.randomUUID().toString()), "adopterSiren", Caller.APPLICANT.siren(),
                    "territories", List.of("69123"));
            case "replication POST /api/replications/{id}/status" -> Map.of("version", 0, "status", "PLANNED",
                    "on", today.plusMonths(1).toString());
            case "replication POST /api/replications/{id}/abandon" -> Map.of("version", 0, "reason", "Matrice.");
            case "replication PUT /api/replications/{id}/report" -> Map.of("version", 0, "sharedCosts", List.of(),
                    "outcomes", List.of());
            case "replication PUT /api/replications/{id}/based-on" -> Map.of("version", 0);
            // dataset-search: the CKAN API reads a JSON body
            case "dataset-search POST /api/3/action/{action}" -> Map.of("q", "eau");
            // the walk's source as it is (a new one under its id: 409)
            case "dataset-search POST /api/sources", "dataset-search PUT /api/sources/{id}" -> Map.of("id",
                    ids.get("source"), "name", "Catalogue de la matrice " + tag, "kind", "DCAT", "url",
                    sources.url(ids.get("source") + ".ttl"), "enabled", true);
            case "dataset-search POST /api/access-requests" -> accessRequest();
            case "dataset-search POST /api/access-requests/{id}/refusal" -> Map.of("reason",
                    "Données couvertes par le secret des affaires.");
            default -> null;
        };
    }

    // ---- bodies --------------------------------------------------------------------------------------------------

    private static Map<String, Object> useCase(long version, int year) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("version", version);
        item.put("kind", "USE_CASE");
        item.put("title", "Partager les données de mobilité du quotidien");
        item.put("useCase", Map.of("policyDomain", "Mobilité", "territory", List.of("region:84"),
                "expectedOutcome", "Des trajets partagés",
                "indicators", List.of(Map.of("name", "Trajets partagés par jour", "baseline", 100, "target", 300,
                        "unit", "trajets", "dueDate", (year + 2) + "-12-31"))));
        return item;
    }

    private static Map<String, Object> call(String funderId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (funderId != null) {
            body.put("funderId", funderId);
        }
        body.put("kind", "COMMONS");
        body.put("title", "Appel à communs de la matrice");
        body.put("description", "Un appel pour vérifier qui peut faire quoi.");
        body.put("budget", "300000.00");
        body.put("maxGrant", "150000.00");
        body.put("minGrant", "10000.00");
        body.put("coFundingRate", "0.8");
        body.put("opensAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        body.put("closesAt", Instant.now().plus(45, ChronoUnit.DAYS).toString());
        body.put("decisionDate", LocalDate.now(PARIS).plusDays(60).toString());
        body.put("applicantTypes", List.of("LOCAL_AUTHORITY", "MUTUALISATION_STRUCTURE"));
        body.put("minConsortiumSize", 1);
        body.put("territorialScope", List.of());
        body.put("commonsKinds", List.of("SOFTWARE"));
        body.put("requiredDeclarations", List.of());
        body.put("reviewsPerApplication", 1);
        body.put("criteria", List.of(
                Map.of("code", "utilite", "label", "Utilité pour les territoires", "weight", 3, "maxScore", 10),
                Map.of("code", "ouverture", "label", "Ouverture et réutilisabilité", "weight", 1, "maxScore", 5)));
        return body;
    }

    private Map<String, Object> application(String callId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (callId != null) {
            body.put("callId", callId);
        }
        body.put("consortium", List.of(Map.of("siren", Caller.APPLICANT.siren(), "name", "Département de la matrice",
                "type", "LOCAL_AUTHORITY", "role", "LEAD")));
        body.put("commons", Map.of("title", "Commun de la matrice " + tag, "kind", "SOFTWARE",
                "summary", "Un logiciel libre.", "licence", "EUPL-1.2"));
        body.put("requestedAmount", "50000.00");
        body.put("budget", List.of(Map.of("label", "Développement", "amount", "80000.00")));
        body.put("territories", List.of("69123"));
        return body;
    }

    private Map<String, Object> agreement() {
        LocalDate today = LocalDate.now(PARIS);
        return Map.of("signedOn", today.toString(), "reference", "CONV-MATRICE-" + tag, "tranches", List.of(
                Map.of("kind", "PRE_FINANCING", "amount", "20000.00", "condition", "À la signature de la convention.",
                        "dueOn", today.plusDays(30).toString()),
                Map.of("kind", "FINAL", "amount", "30000.00", "condition", "Sur le rapport final.",
                        "dueOn", today.plusYears(1).toString())));
    }

    private String datasetTitle() {
        return "Consommations d'eau par compteur de la matrice " + tag;
    }

    /**
     * The walk's catalogue: one dataset, not public (restricted: it is requested), whose publisher is the applicant's
     * organisation (its SIREN as the publisher's identifier): the producer that answers its access requests.
     */
    private String catalogue() {
        String base = "https://donnees.matrice.example.fr/" + tag + "/";
        return "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
                + "@prefix dct: <http://purl.org/dc/terms/> .\n"
                + "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
                + "<" + base + "catalogue> a dcat:Catalog ; dct:title \"Catalogue de la matrice\"@fr ;\n"
                + "  dcat:dataset <" + base + "consommations-eau> .\n"
                + "<" + base + "consommations-eau> a dcat:Dataset ;\n"
                + "  dct:identifier \"" + base + "consommations-eau\" ;\n"
                + "  dct:title \"" + datasetTitle() + "\"@fr ;\n"
                + "  dct:description \"Relevés des compteurs d'eau, communicables sur demande motivée.\"@fr ;\n"
                + "  dcat:keyword \"eau\"@fr ;\n"
                + "  dct:accessRights <http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC> ;\n"
                + "  dct:publisher [ a foaf:Agent ; foaf:name \"Département de la matrice\" ;\n"
                + "    dct:identifier \"" + Caller.APPLICANT.siren() + "\" ] .\n";
    }

    private Map<String, Object> accessRequest() {
        LocalDate from = LocalDate.now(PARIS).plusMonths(1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", ids.get("dataset"));
        body.put("requesterName", "Agent Matrice");
        body.put("requesterEmail", "agent.matrice@exemple.gouv.fr");
        body.put("purpose", "Évaluer la tarification sociale de l'eau sur le territoire.");
        body.put("wishedStart", from.toString());
        body.put("wishedEnd", from.plusMonths(6).toString());
        return body;
    }

    private Map<String, Object> offer() {
        LocalDate from = LocalDate.now(PARIS).plusMonths(2);
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("hostSiren", Caller.HOST.siren());
        // an exchange crosses the sides: the agent is the State's, the host a local authority
        offer.put("hostType", "LOCAL_AUTHORITY");
        offer.put("hostName", "Métropole de Lyon");
        offer.put("regionCode", "84");
        offer.put("title", "Ouvrir les données de mobilité (matrice " + tag + ")");
        offer.put("topics", List.of("données ouvertes"));
        offer.put("activities", "Préparer la publication d'un jeu de données.");
        offer.put("learningOutcomes", "Le cycle de vie d'un jeu de données publié.");
        offer.put("minDays", 5);
        offer.put("maxDays", 30);
        offer.put("windows", List.of(Map.of("startDate", from.toString(), "endDate", from.plusMonths(3).toString())));
        offer.put("capacity", 5);
        offer.put("workMode", "HYBRID");
        offer.put("place", "Lyon");
        return offer;
    }

    private static Map<String, Object> apply() {
        LocalDate from = LocalDate.now(PARIS).plusMonths(2);
        Map<String, Object> apply = new LinkedHashMap<>();
        apply.put("agent", Map.of("name", "Agent Matrice", "email", "agent.matrice@exemple.gouv.fr", "category", "A"));
        apply.put("employerSide", "STATE");
        apply.put("employerRegionCode", "84");
        apply.put("employerMinistry", "MEF");
        apply.put("startDate", from.toString());
        apply.put("endDate", from.plusDays(9).toString());
        apply.put("motivation", "Comprendre comment l'autre administration publie ses données.");
        return apply;
    }

    private static Map<String, Object> training() {
        return Map.of("provider", "Campus de la matrice", "title", "Publier un jeu de données", "format", "ONLINE",
                "hours", 7, "competences", List.of(), "audiences", List.of("STATE_AGENT", "TERRITORIAL_AGENT"),
                "employerConsentRequired", true);
    }

    private static Map<String, Object> enrol() {
        return Map.of("name", "Agent Matrice", "email", "agent.matrice@exemple.gouv.fr", "learnerCategory",
                "STATE_AGENT", "employerSide", "STATE", "regionCode", "84");
    }

    private Map<String, Object> initiative() {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("leadSiren", Caller.APPLICANT.siren());
        i.put("title", "Initiative de la matrice " + tag);
        i.put("policyDomain", "mobilité");
        i.put("territories", List.of("region:84"));
        i.put("indicators", List.of(Map.of("name", "Trajets partagés par jour", "unit", "trajets", "before", "100",
                "after", "250", "evaluation", Map.of("method", "Comptages avant/après", "evaluator", "Cerema",
                        "evaluatedOn", LocalDate.now(PARIS).minusDays(10).toString(), "independent", true))));
        return i;
    }

    private Map<String, Object> programmeCall() {
        LocalDate today = LocalDate.now(PARIS);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", "Appel du programme d'accélération (matrice)");
        c.put("criteria", List.of(Map.of("code", "SCALABILITY", "label", "Passage à l'échelle", "weight", 1)));
        c.put("jury", List.of(Map.of("subject", subject(Caller.EVALUATOR), "name", "Juré de la matrice")));
        c.put("opensOn", today.minusDays(1).toString());
        c.put("closesOn", today.plusDays(30).toString());
        c.put("capacity", 5);
        c.put("minimumScore", "1.00");
        c.put("supportStart", today.plusDays(60).toString());
        c.put("supportEnd", today.plusDays(240).toString());
        return c;
    }

    private static Optional<JsonNode> find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asString())) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
