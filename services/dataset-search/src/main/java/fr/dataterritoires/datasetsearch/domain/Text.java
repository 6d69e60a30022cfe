package fr.dataterritoires.datasetsearch.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Small text rules shared by the value objects of the catalogue. */
final class Text {

    private Text() {
    }

    static String requireNonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Trimmed, non-blank, de-duplicated, in first-seen order. */
    static List<String> cleanList(Collection<String> values) {
        if (values == null) {
            return List.of();
        }
        var kept = new LinkedHashSet<String>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return List.copyOf(new ArrayList<>(kept));
    }
}
