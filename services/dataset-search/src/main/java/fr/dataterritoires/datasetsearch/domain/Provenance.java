package fr.dataterritoires.datasetsearch.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One source's view of a dataset: which harvest source carries it, under which key, what it says, and since when.
 *
 * @param sourceId    the harvest source
 * @param recordKey   the record's key within that source (its identifier there)
 * @param description what the source says
 * @param firstSeen   first harvest that saw it
 * @param lastSeen    last harvest that saw it
 */
public record Provenance(String sourceId, String recordKey, DatasetDescription description, Instant firstSeen,
                         Instant lastSeen) {

    public Provenance {
        sourceId = Text.requireNonBlank(sourceId, "source id");
        recordKey = Text.requireNonBlank(recordKey, "record key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    boolean isFrom(String source, String key) {
        return sourceId.equals(source) && recordKey.equals(key);
    }
}
