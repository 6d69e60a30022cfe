package fr.dataterritoires.portal.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as posted, before the service checks it (the service is the judge of every rule): each field by its name,
 * which is the path of the service's API for that value ({@code commons.title}, {@code consortium[1].siren}), so
 * that the service's refusals come back next to the field that caused them. Blank values count as absent. The form is
 * shown again with these values when the service refuses it.
 */
public final class FormValues implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, List<String>> values;

    private FormValues(Map<String, List<String>> values) {
        this.values = values;
    }

    public static FormValues empty() {
        return new FormValues(new LinkedHashMap<>());
    }

    /** The posted fields, without the CSRF token; blank values dropped, the others stripped. */
    public static FormValues of(Map<String, List<String>> posted) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        posted.forEach((name, list) -> {
            if (name.equals("_csrf") || list == null) {
                return;
            }
            List<String> clean = new ArrayList<>();
            list.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(clean::add);
            if (!clean.isEmpty()) {
                kept.put(name, Collections.unmodifiableList(clean));
            }
        });
        return new FormValues(kept);
    }

    /** A copy with {@code name} set (a default shown in an empty form). */
    public FormValues with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        if (value == null || value.isBlank()) {
            copy.remove(name);
        } else {
            copy.put(name, List.of(value.strip()));
        }
        return new FormValues(copy);
    }

    /** The field's value, or null when it was left blank. */
    public String value(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.getFirst();
    }

    /** Every value of a multi-valued field (checkboxes), in the posted order. */
    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean checked(String name, String value) {
        return value != null && values(name).contains(value);
    }

    /** The comma- or line-separated items of a text field ("a, b"), in order. */
    public List<String> items(String name) {
        List<String> items = new ArrayList<>();
        for (String raw : values(name)) {
            for (String item : raw.split("[,;\\n]")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return "FormValues" + values.keySet();
    }
}
