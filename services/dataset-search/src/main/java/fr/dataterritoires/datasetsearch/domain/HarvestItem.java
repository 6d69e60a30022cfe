package fr.dataterritoires.datasetsearch.domain;

import java.util.Objects;

/** One record read from a source: understood, or kept raw with the reason it could not be. */
public sealed interface HarvestItem {

    /** The record's key within its source (its identifier there, or where it was found when it has none). */
    String recordKey();

    /** The record as the source sent it (an RDF/XML fragment, a JSON object...), kept for diagnosis. */
    String raw();

    record Parsed(String recordKey, DatasetDescription description, String raw) implements HarvestItem {
        public Parsed {
            recordKey = Text.requireNonBlank(recordKey, "record key");
            Objects.requireNonNull(description, "description");
        }
    }

    record Failed(String recordKey, String raw, String reason) implements HarvestItem {
        public Failed {
            recordKey = Text.requireNonBlank(recordKey, "record key");
            reason = Text.requireNonBlank(reason, "reason");
        }
    }
}
