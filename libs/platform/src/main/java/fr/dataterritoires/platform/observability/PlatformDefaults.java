package fr.dataterritoires.platform.observability;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Gives every service the same operational defaults (actuator exposure, Kubernetes probes and
 * health groups, JSON logs with trace ids, tracing, metric tags) without repeating them in each
 * application.yml. They sit at the lowest precedence: a service's own configuration or an
 * environment variable always wins.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "dataterritoiresPlatformDefaults";
    static final String RESOURCE = "fr/dataterritoires/platform/platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource(SOURCE_NAME, new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("platform defaults missing from the classpath: " + RESOURCE, e);
        }
    }
}
