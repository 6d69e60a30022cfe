package fr.dataterritoires.datasetsearch.application.export;

import java.util.List;

import fr.dataterritoires.datasetsearch.domain.Dataset;

/**
 * One page of the published catalogue.
 *
 * @param number   page number, from 1
 * @param size     page size asked for
 * @param total    number of published datasets
 * @param datasets the datasets of this page (at most {@code size})
 */
public record DatasetPage(int number, int size, long total, List<Dataset> datasets) {

    public DatasetPage {
        datasets = List.copyOf(datasets);
    }

    public long lastPage() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return number < lastPage();
    }
}
