package fr.dataterritoires.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.testing.process.ServiceProcess;
import fr.dataterritoires.testing.process.TestService;
import tools.jackson.databind.JsonNode;

/**
 * The real commons-calls, exchanges and replication behind the portal's funding, replication and exchanges pages,
 * one process each for the test JVM (libs/testing {@link TestService}), on the development issuer key of
 * {@link RealDatasetSearch} (the portal's development login mints the tokens they check). replication reads the
 * funding of its initiatives from commons-calls over gRPC, as deployed. Seeded through their REST APIs with what the
 * pages cannot create themselves: a published host offer, a training, an initiative ({@link #addTraining} adds more).
 */
public final class RealFundingServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static TestService commonsCalls;
    private static TestService exchanges;
    private static TestService replication;
    private static String offerId;
    private static String initiativeId;
    private static String trainingId;

    static synchronized void start() {
        if (commonsCalls != null) {
            return;
        }
        try {
            String keyDir = RealDatasetSearch.keyDir().toString();
            int grpc = ServiceProcess.freePort();
            List<TestService> started = TestService.startTogether(List.of(
                    TestService.builder("commons-calls")
                            .property("spring.grpc.server.port", grpc)
                            .property("dataterritoires.security.dev-issuer.enabled", true)
                            .property("dataterritoires.security.dev-issuer.key-dir", keyDir),
                    TestService.builder("exchanges")
                            .property("dataterritoires.security.dev-issuer.enabled", true)
                            .property("dataterritoires.security.dev-issuer.key-dir", keyDir),
                    // its gRPC client connects to commons-calls on its first call: both start at once
                    TestService.builder("replication")
                            .env("DT_COMMONS_CALLS_GRPC_ADDRESS", "static://127.0.0.1:" + grpc)
                            .property("spring.grpc.server.port", ServiceProcess.freePort())
                            .property("dataterritoires.security.dev-issuer.enabled", true)
                            .property("dataterritoires.security.dev-issuer.key-dir", keyDir)));
            commonsCalls = started.get(0);
            exchanges = started.get(1);
            replication = started.get(2);
            seed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void seed() throws IOException, InterruptedException {
        String host = token(Role.HOST_MANAGER);
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("hostSiren", DevUsers.DEMO_HOST_SIREN);
        offer.put("hostType", "STATE_SERVICE");
        offer.put("hostName", "Direction régionale de l'environnement Auvergne-Rhône-Alpes");
        offer.put("regionCode", "84");
        offer.put("ministry", "MTECT");
        offer.put("title", "Deux semaines au service de la donnée environnementale");
        offer.put("topics", List.of("environnement", "qualité de l'air"));
        offer.put("activities", "Participer à l'ouverture des données de qualité de l'air.");
        offer.put("learningOutcomes", "Publier un jeu de données selon un standard.");
        offer.put("minDays", 5);
        offer.put("maxDays", 15);
        java.time.LocalDate start = java.time.LocalDate.now().plusMonths(2);
        offer.put("windows", List.of(Map.of("startDate", start.toString(), "endDate", start.plusMonths(2).toString())));
        offer.put("capacity", 2);
        offer.put("workMode", "ON_SITE");
        offer.put("place", "Lyon");
        JsonNode drafted = exchanges.call("POST", "/api/offers", offer, 201, host);
        offerId = drafted.path("id").asString();
        exchanges.call("POST", "/api/offers/" + offerId + "/publication", null, 200, host);

        trainingId = addTraining("Ouvrir les données de sa collectivité");

        Map<String, Object> initiative = new LinkedHashMap<>();
        initiative.put("leadSiren", DevUsers.DEMO_APPLICANT_SIREN);
        initiative.put("title", "Observatoire partagé de la vacance des logements");
        initiative.put("problem", "Les communes ne savent pas où sont les logements vacants.");
        initiative.put("policyDomain", "logement");
        initiative.put("territories", List.of("69123"));
        initiativeId = replication.call("POST", "/api/initiatives", initiative, 201, token(Role.NATIONAL_COORDINATOR))
                .path("id").asString();
    }

    public static TestService commonsCalls() {
        start();
        return commonsCalls;
    }

    public static TestService exchanges() {
        start();
        return exchanges;
    }

    public static TestService replication() {
        start();
        return replication;
    }

    /** A published host offer. */
    public static String offerId() {
        start();
        return offerId;
    }

    public static String initiativeId() {
        start();
        return initiativeId;
    }

    /**
     * A new programme of the demo funder at a 5 % préciput, through commons-calls' API (the pages do not create
     * programmes); the funder is registered first if no test did. Its id.
     */
    public static String preciputProgramme() {
        try {
            String funderToken = token(Role.FUNDER);
            JsonNode found = commonsCalls().call("GET", "/api/funders?siren=" + DevUsers.DEMO_FUNDER_SIREN, null, 200,
                    funderToken);
            String funderId = found.isEmpty()
                    ? commonsCalls().call("POST", "/api/funders", Map.of("name",
                            "Agence nationale de la cohésion des territoires"), 201, funderToken).path("id").asString()
                    : found.get(0).path("id").asString();
            return commonsCalls().call("POST", "/api/funders/" + funderId + "/programmes", Map.of("name",
                    "Programme d'innovation " + java.util.UUID.randomUUID().toString().substring(0, 8),
                    "preciputRate", "0.05"), 201, funderToken).path("id").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A training of the catalogue, open to agents of both sides and elected officials, without employer consent. */
    public static String trainingId() {
        start();
        return trainingId;
    }

    /**
     * A new training in exchanges' catalogue, as the national coordination adds it (the portal has no page for it):
     * a test that enrols someone takes its own, so that what it sees does not depend on the other tests.
     */
    public static String addTraining(String title) {
        start();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("provider", "Centre national de la fonction publique territoriale");
        training.put("title", title);
        training.put("description", "Repérer, préparer et publier les données d'une collectivité.");
        training.put("format", "HYBRID");
        training.put("hours", 14);
        training.put("competences", List.of("publier des données", "licences ouvertes"));
        training.put("audiences", List.of("STATE_AGENT", "TERRITORIAL_AGENT", "ELECTED_OFFICIAL"));
        training.put("employerConsentRequired", false);
        try {
            return exchanges.call("POST", "/api/trainings", training, 201, token(Role.NATIONAL_COORDINATOR))
                    .path("id").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A demo user's token, as the portal's development login gives it. */
    public static String token(Role role) {
        return RealDatasetSearch.minter().mintFor(role);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("real-funding-services", Map.of(
                "dataterritoires.portal.services.commons-calls", commonsCalls.baseUrl(),
                "dataterritoires.portal.services.exchanges", exchanges.baseUrl(),
                "dataterritoires.portal.services.replication", replication.baseUrl())));
    }
}
