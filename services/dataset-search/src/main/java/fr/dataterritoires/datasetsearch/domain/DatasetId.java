package fr.dataterritoires.datasetsearch.domain;

import java.util.UUID;

/** The catalogue's own identifier of a dataset, stable across sources and harvests. */
public record DatasetId(UUID value) {

    public DatasetId {
        if (value == null) {
            throw new IllegalArgumentException("A dataset id is required");
        }
    }

    public static DatasetId random() {
        return new DatasetId(UUID.randomUUID());
    }

    /** Parses the text form; refuses anything that is not a UUID. */
    public static DatasetId parse(String text) {
        try {
            return new DatasetId(UUID.fromString(text.strip()));
        } catch (RuntimeException bad) {
            throw new IllegalArgumentException("'" + text + "' is not a dataset id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
