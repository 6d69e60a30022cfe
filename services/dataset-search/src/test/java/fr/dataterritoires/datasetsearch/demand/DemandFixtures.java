package fr.dataterritoires.datasetsearch.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.TerritorialCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;

import tools.jackson.databind.JsonNode;

/** Catalogue entries and HTTP calls for the demand tests, through the service's real repository and server. */
public final class DemandFixtures {

    public static final String SOURCE = "demand-test-source";

    private final DatasetRepository datasets;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public DemandFixtures(DatasetRepository datasets, PlatformTransactionManager transactions, JdbcTemplate jdbc,
                          int port) {
        this.datasets = datasets;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.port = port;
        jdbc.update("INSERT INTO harvest_source (id, name, kind, url) VALUES (?, 'Source de test de la demande', "
                + "'DCAT', 'https://catalogue.exemple.fr/dcat') ON CONFLICT (id) DO NOTHING", SOURCE);
    }

    /** A published dataset with this access level, producer SIREN (may be null) and covered territories. */
    public Dataset dataset(String title, AccessLevel level, String producerSiren, String... territories) {
        return datasetAt("https://catalogue.exemple.fr/jeux/" + UUID.randomUUID(), title, level, producerSiren,
                territories);
    }

    /** The same, with this source URI. */
    public Dataset datasetAt(String uri, String title, AccessLevel level, String producerSiren, String... territories) {
        DatasetDescription description = new DatasetDescription(uri, uri + "/page", title,
                "Jeu de test de la demande", List.of("test"), List.of(), new Producer("Producteur de test",
                producerSiren, ProducerType.COMMUNE), null, level == AccessLevel.OPEN ? "etalab-2.0" : null, List.of(),
                level, level == AccessLevel.OPEN ? null : "https://exemple.fr/demande", new TerritorialCoverage(
                Set.of(territories).stream().map(TerritoryRef::parse).collect(java.util.stream.Collectors.toSet()),
                Granularity.COMMUNE), null, null, null, null, null, null);
        Dataset dataset = Dataset.discover(DatasetId.random(), SOURCE, uri, description, Instant.now());
        transaction.executeWithoutResult(status -> datasets.insert(dataset));
        return dataset;
    }

    public Dataset reload(DatasetId id) {
        return datasets.find(id).orElseThrow();
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public Response post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : CloudEvents.mapper()
                        .writeValueAsString(body))), token);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer with its JSON body. */
    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            return CloudEvents.mapper().readTree(body);
        }

        /** Asserts a problem+json refusal with this status and a detail containing {@code words}. */
        public JsonNode problem(int expectedStatus, String... words) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("detail").asString()).as(body).isNotBlank();
            if (words.length > 0) {
                assertThat(problem.path("detail").asString()).as(body).contains(words);
            }
            return problem;
        }
    }
}
