package fr.dataterritoires.datasetsearch.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the resource server at {@link TestIssuer}'s public key (a file made for the run). */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-issuer", Map.of(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                TestIssuer.PUBLIC_PEM.toUri().toString())));
    }
}
