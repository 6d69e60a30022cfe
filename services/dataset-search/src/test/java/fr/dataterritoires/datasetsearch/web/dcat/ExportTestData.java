package fr.dataterritoires.datasetsearch.web.dcat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import java.net.URI;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.application.export.CkanHits;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestSourceRepository;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.datasetsearch.application.export.CkanOrganization;
import fr.dataterritoires.datasetsearch.application.export.CkanQuery;
import fr.dataterritoires.datasetsearch.application.export.CkanSearch;
import fr.dataterritoires.datasetsearch.application.export.Licences;
import fr.dataterritoires.datasetsearch.application.export.Slugs;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;

/**
 * Stores the export fixtures in the test's PostgreSQL database and indexes them in its Elasticsearch index (once per
 * context), so that the CKAN {@code package_search} runs on the real search engine.
 */
public final class ExportTestData {

    private ExportTestData() {
    }

    /** Stores the fixtures and their sources unless they already are (contexts are shared between test classes). */
    public static void store(DatasetRepository repository, HarvestSourceRepository sources,
                             PlatformTransactionManager transactions, DatasetIndex index) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            if (repository.find(ExportFixtures.PARKINGS).isPresent()) {
                return;
            }
            for (String source : List.of("datasud", "datagouv", "espace-donnees", "geo-ide", "ods-exemple")) {
                if (sources.find(source).isEmpty()) {
                    sources.insert(new HarvestSource(source, "Source " + source, SourceKind.DCAT,
                            URI.create("https://" + source + ".example.fr/catalog.ttl"), null, false, AccessLevel.OPEN,
                            null));
                }
            }
            for (Dataset dataset : ExportFixtures.all()) {
                if (dataset.isPublished()) {
                    repository.insert(dataset);
                }
            }
            repository.insert(ExportFixtures.withdrawnBeforeDrop());
        });
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Dataset stored = repository.find(ExportFixtures.WITHDRAWN).orElseThrow();
            if (stored.isPublished()) {
                stored.dropFrom("datagouv", "ancien", ExportFixtures.SEEN);
                repository.update(stored);
            }
        });
        List<Dataset> published = ExportFixtures.all().stream().filter(Dataset::isPublished).toList();
        index.index(published, Instant.now());
        index.remove(List.of(ExportFixtures.WITHDRAWN));
    }
}
