package fr.dataterritoires.charts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict validation of built-in Kubernetes objects against the fabric8 Kubernetes model (8.0.0): the object is
 * bound to its fabric8 class with a Jackson mapper that
 * <ul>
 * <li>removes every class's {@code @JsonAnySetter} (fabric8 keeps unknown fields in {@code additionalProperties}),
 * then fails on unknown properties: a misspelt or misplaced field fails;</li>
 * <li>refuses scalar coercions (a string where Kubernetes wants an integer or a boolean, a number or a boolean
 * where it wants a string, e.g. a label value {@code true}), as the API server does;</li>
 * <li>does not use fabric8's own lenient modules (its UnmatchedFieldTypeModule keeps wrongly typed fields).</li>
 * </ul>
 * Fields typed IntOrString or Quantity keep their two accepted shapes (fabric8's deserializers).
 */
final class StrictKubernetesModel {

    private static final String SERVICE_FILE = "META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource";

    private final Map<String, Class<?>> types = new HashMap<>();
    private final JsonMapper mapper;

    StrictKubernetesModel() {
        loadTypes();
        SimpleModule strict = new SimpleModule("dt-strict-kubernetes");
        strict.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config,
                    BeanDescription.Supplier beanDesc, BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                return builder;
            }
        });
        mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(strict)
                .build();
    }

    private void loadTypes() {
        ClassLoader loader = getClass().getClassLoader();
        try {
            Enumeration<URL> files = loader.getResources(SERVICE_FILE);
            while (files.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line : reader.lines().map(String::trim).toList()) {
                        if (line.isEmpty() || line.startsWith("#")) {
                            continue;
                        }
                        Class<?> type = Class.forName(line, false, loader);
                        if (HasMetadata.class.isAssignableFrom(type)) {
                            @SuppressWarnings("unchecked")
                            Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) type;
                            types.putIfAbsent(HasMetadata.getApiVersion(resource) + "/" + HasMetadata.getKind(resource),
                                    type);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (types.size() < 50) {
            throw new IllegalStateException("the fabric8 model registered only " + types.size() + " kinds");
        }
    }

    /** The fabric8 class of a built-in kind, if the model knows it. */
    Optional<Class<?>> typeOf(String apiVersion, String kind) {
        return Optional.ofNullable(types.get(apiVersion + "/" + kind));
    }

    /** An error message, or empty when the object binds strictly. */
    Optional<String> validate(Map<String, Object> object) {
        String apiVersion = Yaml.string(object, "apiVersion");
        String kind = Yaml.string(object, "kind");
        Class<?> type = types.get(apiVersion + "/" + kind);
        if (type == null) {
            return Optional.of("the Kubernetes model has no " + kind + " in " + apiVersion);
        }
        try {
            mapper.convertValue(object, type);
            return Optional.empty();
        } catch (JacksonException e) {
            return Optional.of(e.getOriginalMessage() + " at " + e.getPathReference());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
