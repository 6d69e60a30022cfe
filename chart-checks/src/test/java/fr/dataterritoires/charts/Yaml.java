package fr.dataterritoires.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** YAML documents as plain maps and lists, and the few navigation helpers the checks need. */
final class Yaml {

    /** Duplicate keys are an error (Kubernetes would take one of them silently). */
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Yaml() {
    }

    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (MappingIterator<Object> it = MAPPER.readerFor(Object.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                Object document = it.nextValue();
                if (document instanceof Map<?, ?> map && !map.isEmpty()) {
                    documents.add(cast(map));
                } else if (document != null && !(document instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException("a YAML document is not an object: " + document);
                }
            }
        }
        return documents;
    }

    static Map<String, Object> file(Path file) {
        try {
            List<Map<String, Object>> documents = documents(Files.readString(file));
            return documents.isEmpty() ? new LinkedHashMap<>() : documents.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    /** The map at the path, or an empty map when any step is missing. */
    static Map<String, Object> map(Object root, String... path) {
        Object value = at(root, path);
        return value instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object root, String... path) {
        Object value = at(root, path);
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    static List<Map<String, Object>> maps(Object root, String... path) {
        return list(root, path).stream().filter(Map.class::isInstance).map(Yaml::cast).toList();
    }

    static String string(Object root, String... path) {
        Object value = at(root, path);
        return value == null ? null : String.valueOf(value);
    }

    static Object at(Object root, String... path) {
        Object current = root;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    /** Helm's merge of values: maps merge recursively, anything else (lists included) is replaced. */
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                merged.put(key, merge(cast(a), cast(b)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
