package fr.dataterritoires.platform.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Gives every service the same operational defaults (actuator exposure, Kubernetes probes and
 * health groups, JSON logs with trace ids, tracing, metric tags) without repeating them in each
 * application.yml. They have the lowest precedence of all: a service's own configuration, an
 * environment variable, and even the application's programmatic default properties
 * ({@code SpringApplication.setDefaultProperties}, {@code SpringApplicationBuilder.properties})
 * win over them.
 *
 * <p>Spring Boot moves the {@code defaultProperties} source to the very end after the
 * post-processors ran, so a separate source added last would still sit above it. The platform
 * defaults are therefore merged into that source, under the application's own entries.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "fr/dataterritoires/platform/platform-defaults.properties";

    /** Marks the merged source so that a second run (e.g. a child context) does nothing. */
    static final String MARKER = "dataterritoires.platform.defaults-applied";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        PropertySource<?> existing = sources.get(DefaultPropertiesPropertySource.NAME);
        if (existing != null && existing.containsProperty(MARKER)) {
            return;
        }
        Map<String, Object> merged = new HashMap<>(platformDefaults());
        merged.put(MARKER, "true");
        if (existing instanceof MapPropertySource map) {
            merged.putAll(map.getSource()); // the application's own defaults win
        } else if (existing != null) {
            if (existing instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    merged.put(name, enumerable.getProperty(name));
                }
            }
        }
        DefaultPropertiesPropertySource source = new DefaultPropertiesPropertySource(merged);
        if (existing != null) {
            sources.replace(DefaultPropertiesPropertySource.NAME, source);
        } else {
            sources.addLast(source);
        }
    }

    private static Map<String, Object> platformDefaults() {
        try {
            Map<String, Object> values = new HashMap<>();
            PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE))
                    .forEach((key, value) -> values.put(key.toString(), value));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("platform defaults missing from the classpath: " + RESOURCE, e);
        }
    }
}
