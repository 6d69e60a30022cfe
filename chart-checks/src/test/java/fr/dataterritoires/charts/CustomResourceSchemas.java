package fr.dataterritoires.charts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Custom resources (ServiceMonitor, PrometheusRule, CloudNativePG Cluster and ScheduledBackup, ECK Elasticsearch,
 * RabbitmqCluster and topology Policy) are validated against minimal strict JSON Schemas of our own
 * (src/test/resources/crd-schemas/&lt;Kind&gt;.&lt;group&gt;.json): the fields the suite uses, typed, and nothing
 * else. The operators' full CRD schemas cannot be fetched here; these catch misspelt fields and wrong types in what
 * we write, not every constraint the operators check.
 */
final class CustomResourceSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

    /** Whether a schema exists for this kind. */
    boolean knows(String apiVersion, String kind) {
        return schema(apiVersion, kind).isPresent();
    }

    List<String> validate(Map<String, Object> object) {
        String apiVersion = Yaml.string(object, "apiVersion");
        String kind = Yaml.string(object, "kind");
        Optional<JsonSchema> schema = schema(apiVersion, kind);
        if (schema.isEmpty()) {
            return List.of("no schema for custom resource " + kind + " (" + apiVersion + ")");
        }
        return schema.get().validate(JSON.valueToTree(object)).stream().map(ValidationMessage::getMessage).toList();
    }

    private Optional<JsonSchema> schema(String apiVersion, String kind) {
        if (apiVersion == null || kind == null || !apiVersion.contains("/")) {
            return Optional.empty();
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return schemas.computeIfAbsent(kind + "." + group, name -> {
            try (InputStream in = getClass().getResourceAsStream("/crd-schemas/" + name + ".json")) {
                return in == null ? Optional.empty() : Optional.of(factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
