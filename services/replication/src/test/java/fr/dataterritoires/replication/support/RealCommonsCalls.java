package fr.dataterritoires.replication.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.testing.backends.Backends;
import fr.dataterritoires.testing.process.ServiceProcess;

import tools.jackson.databind.JsonNode;

/**
 * The real commons-calls, one for the whole test JVM: its executable jar started lazily, once, as a process of its
 * own ({@link ServiceProcess}) on the backends the tests resolved (its own PostgreSQL database, the broker), trusting
 * {@link TestIssuer}'s tokens, and stopped when the JVM exits. It publishes its events on the exchange of the first
 * context that starts it (the shared {@link ServiceTest} context), so an award it grants reaches this service as a
 * real {@code AwardGranted}.
 *
 * <p>As an {@link ApplicationContextInitializer} it points the service's {@code commons-calls} channel at that
 * process's gRPC port: the initiative pages of the shared context ask the real {@code CommonsFunding}.
 * {@link #grantAward(String)} walks its REST API (call opened, application submitted, call closed, eligibility,
 * award) as its own tests do.
 */
public final class RealCommonsCalls implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String FUNDER = TestIssuer.token(Role.FUNDER);
    public static final String APPLICANT = TestIssuer.token(Role.APPLICANT);
    /** The lead of the applications made here: the demo applicant's SIREN. */
    public static final String LEAD = DevUsers.DEMO_APPLICANT_SIREN;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static ServiceProcess process;
    private static int grpcPort;

    /** The running process, started on first use with the events exchange {@code exchange}. */
    static synchronized ServiceProcess process(String exchange) {
        if (process == null) {
            try {
                grpcPort = ServiceProcess.freePort();
                process = ServiceProcess.builder("commons-calls",
                                ServiceProcess.jarFromSystemProperty("dataterritoires.test.commons-calls-jar"))
                        .profile("local")
                        .env("DT_POSTGRES_URL", Backends.postgres().createDatabase("commons_calls_process"))
                        .env("DT_POSTGRES_USER", Backends.postgres().username())
                        .env("DT_POSTGRES_PASSWORD", Backends.postgres().password())
                        .env("DT_AMQP_URL", Backends.amqp().uri())
                        .httpPort(ServiceProcess.freePort())
                        .property("spring.grpc.server.port", grpcPort)
                        .trustIssuer(TestIssuer.ISSUER, TestIssuer.PUBLIC_PEM)
                        .property("dataterritoires.events.exchange", exchange)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return process;
    }

    public static synchronized boolean isStarted() {
        return process != null;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String exchange = context.getEnvironment().getRequiredProperty("dataterritoires.events.exchange");
        process(exchange);
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource real = new MapPropertySource("real-commons-calls", Map.of(
                "spring.grpc.client.channels.commons-calls.address", "static://127.0.0.1:" + grpcPort,
                // a loaded 2-core machine must not turn ordinary calls into timeouts
                "dataterritoires.grpc.client.default-deadline", "25s"));
        String inlined = "Inlined Test Properties";
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, real);
        } else {
            sources.addFirst(real);
        }
    }

    /** The award granted in commons-calls. */
    public record GrantedAward(String awardId, String applicationId, String commonsTitle, String amount) {
    }

    /**
     * Grants an award of {@code amount} euros in the real commons-calls, through its REST API, to an application of
     * the demo applicant for a software commons experimented in Isère and Grenoble.
     */
    public static GrantedAward grantAward(String amount) {
        int n = SEQUENCE.incrementAndGet();
        String funderId = funder();
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("funderId", funderId);
        call.put("kind", "COMMONS");
        call.put("title", "Appel à communs de la réplication n° " + n + " " + System.nanoTime());
        call.put("description", "Financer des communs numériques réutilisables par les collectivités.");
        call.put("budget", "500000.00");
        call.put("maxGrant", "200000.00");
        call.put("minGrant", "0.00");
        call.put("coFundingRate", "0.8");
        call.put("opensAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        call.put("closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        call.put("decisionDate", LocalDate.now().plusDays(60).toString());
        call.put("applicantTypes", List.of("LOCAL_AUTHORITY", "MUTUALISATION_STRUCTURE", "ASSOCIATION"));
        call.put("minConsortiumSize", 1);
        call.put("territorialScope", List.of());
        call.put("commonsKinds", List.of("SOFTWARE"));
        call.put("requiredDeclarations", List.of("charte-ethique"));
        call.put("reviewsPerApplication", 1);
        call.put("criteria", List.of(
                Map.of("code", "utilite", "label", "Utilité pour les territoires", "weight", 3, "maxScore", 10)));
        String callId = call("POST", "/api/calls", FUNDER, call, 201).path("id").asString();
        call("POST", "/api/calls/" + callId + "/open", FUNDER, null, 200);

        String title = "Signalement citoyen n° " + n + " " + System.nanoTime();
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("callId", callId);
        application.put("consortium", List.of(Map.of("siren", LEAD, "name", "Département de l'Isère", "type",
                "LOCAL_AUTHORITY", "role", "LEAD")));
        application.put("commons", Map.of("title", title, "kind", "SOFTWARE", "summary",
                "Un outil libre de signalement des problèmes de voirie.", "licence", "EUPL-1.2",
                "repositoryUrl", "https://git.example.fr/signalement", "schemas", List.of("etalab/schema-bal")));
        application.put("requestedAmount", amount);
        // the call co-funds 80 % at most: the project's budget is the amount asked / 0.8
        String budget = new java.math.BigDecimal(amount).multiply(new java.math.BigDecimal("1.25"))
                .setScale(2, java.math.RoundingMode.UP).toPlainString();
        application.put("budget", List.of(Map.of("label", "Développement", "amount", budget)));
        application.put("ethicsCharter", "Charte éthique des communs numériques");
        application.put("labels", List.of("Numérique en commun(s)"));
        application.put("sustainabilityPlan", "Gouvernance partagée par une association des utilisateurs.");
        application.put("replicationConditions", "Documentation et accompagnement de deux territoires pilotes.");
        application.put("territories", List.of("38", "38185"));
        application.put("declarations", List.of("charte-ethique"));
        String applicationId = call("POST", "/api/applications", APPLICANT, application, 201).path("id").asString();
        call("POST", "/api/applications/" + applicationId + "/submit", APPLICANT, null, 200);
        call("POST", "/api/calls/" + callId + "/close", FUNDER, null, 200);
        call("POST", "/api/calls/" + callId + "/evaluation", FUNDER, null, 200);
        call("POST", "/api/applications/" + applicationId + "/eligibility", FUNDER,
                Map.of("eligible", true, "reason", "Toutes les règles de l'appel sont satisfaites."), 200);
        String awardId = call("POST", "/api/applications/" + applicationId + "/award", FUNDER,
                Map.of("amount", amount, "reason", "Lauréat."), 201).path("id").asString();
        return new GrantedAward(awardId, applicationId, title, amount);
    }

    private static String funder() {
        for (JsonNode f : call("GET", "/api/funders?siren=" + DevUsers.DEMO_FUNDER_SIREN, null, null, 200)) {
            if (f.path("siren").asString().equals(DevUsers.DEMO_FUNDER_SIREN)) {
                return f.path("id").asString();
            }
        }
        return call("POST", "/api/funders", FUNDER, Map.of("name", "Financeur de démonstration"), 201).path("id")
                .asString();
    }

    private static JsonNode call(String method, String path, String token, Object body, int expected) {
        if (process == null) {
            throw new IllegalStateException("commons-calls is not started");
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(process.uri(path).toString()))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(CloudEvents.mapper().writeValueAsString(body)));
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
            return CloudEvents.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
