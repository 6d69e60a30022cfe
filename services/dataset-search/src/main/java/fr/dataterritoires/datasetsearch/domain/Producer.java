package fr.dataterritoires.datasetsearch.domain;

import java.util.Objects;

/**
 * The organisation that produces a dataset.
 *
 * @param name  as published by the source
 * @param siren nine digits when known, else null
 * @param type  kind of organisation
 */
public record Producer(String name, String siren, ProducerType type) {

    public Producer {
        name = Text.requireNonBlank(name, "producer name");
        if (siren != null && !siren.matches("\\d{9}")) {
            throw new IllegalArgumentException("A producer SIREN has nine digits");
        }
        Objects.requireNonNull(type, "type");
    }

    public static Producer unknown(String name) {
        return new Producer(name, null, ProducerType.UNKNOWN);
    }
}
