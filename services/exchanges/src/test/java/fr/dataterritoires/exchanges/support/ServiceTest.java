package fr.dataterritoires.exchanges.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import fr.dataterritoires.platform.testsupport.TestIssuerInitializer;
import fr.dataterritoires.testing.backends.BackendsInitializer;

/**
 * The whole service on a random port, against real backends (a fresh PostgreSQL database per context, the broker),
 * trusting {@link fr.dataterritoires.platform.testsupport.TestIssuer}'s tokens. Tests share one context when they
 * declare nothing more, so use this annotation alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dataterritoires.exchanges.retention.enabled=false")
@ContextConfiguration(initializers = {BackendsInitializer.class, TestIssuerInitializer.class})
public @interface ServiceTest {
}
