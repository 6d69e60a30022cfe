package fr.dataterritoires.datasetsearch.support;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestSourceRepository;
import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.datasetsearch.web.dcat.ExportFixtures;

/**
 * The harvested catalogue of {@link ExportCatalogueTest}: the export fixtures stored in the context's PostgreSQL
 * database with their sources, the withdrawn one dropped by its last source, the published ones indexed in its
 * Elasticsearch index (so that CKAN's {@code package_search} runs on the real search engine). Stored once per
 * application context, before the first test class that uses it; the tests only read it.
 */
public final class ExportCatalogue implements BeforeAllCallback {

    private static final Set<ApplicationContext> STORED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public void beforeAll(ExtensionContext extension) {
        ApplicationContext context = SpringExtension.getApplicationContext(extension);
        synchronized (STORED) {
            if (STORED.add(context)) {
                store(context.getBean(DatasetRepository.class), context.getBean(HarvestSourceRepository.class),
                        context.getBean(PlatformTransactionManager.class), context.getBean(DatasetIndex.class));
            }
        }
    }

    private static void store(DatasetRepository repository, HarvestSourceRepository sources,
                              PlatformTransactionManager transactions, DatasetIndex index) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (String source : List.of("datasud", "datagouv", "espace-donnees", "geo-ide", "ods-exemple")) {
                if (sources.find(source).isEmpty()) {
                    sources.insert(new HarvestSource(source, "Source " + source, SourceKind.DCAT,
                            URI.create("https://" + source + ".example.fr/catalog.ttl"), null, false,
                            AccessLevel.OPEN, null));
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
            stored.dropFrom("datagouv", "ancien", ExportFixtures.SEEN);
            repository.update(stored);
        });
        List<Dataset> published = ExportFixtures.all().stream().filter(Dataset::isPublished).toList();
        index.index(published, Instant.now());
        index.remove(List.of(ExportFixtures.WITHDRAWN));
    }
}
