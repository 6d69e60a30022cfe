package fr.dataterritoires.datasetsearch.domain.demand;

import java.util.UUID;

/** Identifier of an access request. */
public record AccessRequestId(UUID value) {

    public AccessRequestId {
        if (value == null) {
            throw new IllegalArgumentException("An access request id is required");
        }
    }

    public static AccessRequestId random() {
        return new AccessRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
