package fr.dataterritoires.datasetsearch.web.catalogue;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetCatalogue;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.platform.errors.NotFoundException;

/** A dataset of the catalogue, with its quality criteria, freshness lag, provenance and demand. Public. */
@RestController
public class DatasetController {

    private final DatasetCatalogue catalogue;

    public DatasetController(DatasetCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** 400 when {@code id} is not a UUID, 404 when unknown, 410 when withdrawn. */
    @GetMapping("/api/datasets/{id}")
    public ResponseEntity<Views.DatasetDetail> get(@PathVariable UUID id) {
        DatasetId datasetId = new DatasetId(id);
        Dataset dataset = catalogue.find(datasetId)
                .orElseThrow(() -> NotFoundException.of("jeu de données", id));
        Instant now = catalogue.now();
        if (!dataset.isPublished()) {
            String title = catalogue.lastView(datasetId).map(DatasetDescription::title).orElse(null);
            throw CatalogueProblems.withdrawn(id.toString(), title, dataset.withdrawnAt().orElse(null));
        }
        return ResponseEntity.ok(Views.DatasetDetail.of(dataset, now));
    }
}
