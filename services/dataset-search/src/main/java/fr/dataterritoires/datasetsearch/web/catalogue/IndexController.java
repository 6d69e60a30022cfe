package fr.dataterritoires.datasetsearch.web.catalogue;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetCatalogue;

/** Rebuilds the search index from the catalogue (national coordinator). */
@RestController
public class IndexController {

    private final DatasetCatalogue catalogue;

    public IndexController(DatasetCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Synchronous: answers once the alias points at the new index, with the number of datasets indexed. */
    @PostMapping("/api/index/rebuild")
    public Views.RebuildView rebuild() {
        return new Views.RebuildView(catalogue.rebuildIndex());
    }
}
