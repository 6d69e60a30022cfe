package fr.dataterritoires.datasetsearch.demand;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.platform.testsupport.HttpApi.Response;

/** Catalogue entries and HTTP calls for the demand tests, through the service's real repository and server. */
public final class DemandFixtures {

    public static final String SOURCE = "demand-test-source";

    private final DatasetRepository datasets;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final HttpApi http;

    public DemandFixtures(DatasetRepository datasets, PlatformTransactionManager transactions, JdbcTemplate jdbc,
                          int port) {
        this.datasets = datasets;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.http = new HttpApi(port);
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
        return http.get(path, token);
    }

    public Response post(String path, String token, Object body) {
        return http.post(path, token, body == null ? "" : body);
    }
}
