package fr.dataterritoires.datasetsearch.application.export;

import java.util.List;
import java.util.Objects;

import fr.dataterritoires.datasetsearch.domain.DatasetId;

/**
 * @param total how many published datasets match
 * @param ids   the requested page of them, in ranking order
 */
public record CkanHits(long total, List<DatasetId> ids) {

    public CkanHits {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
        ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
    }
}
