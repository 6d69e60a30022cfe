package fr.dataterritoires.platform.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a service trust {@link TestIssuer}: its issuer name and public key (a file made for the run), and no
 * development issuer. Use with {@code @ContextConfiguration(initializers = {BackendsInitializer.class,
 * TestIssuerInitializer.class})}.
 */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-issuer", Map.of(
                "dataterritoires.security.issuer", TestIssuer.ISSUER,
                "dataterritoires.security.dev-issuer.enabled", "false",
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                TestIssuer.PUBLIC_PEM.toUri().toString())));
    }
}
