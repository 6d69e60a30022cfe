package fr.dataterritoires.commonscalls.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.platform.testsupport.TestIssuerInitializer;
import fr.dataterritoires.testing.backends.BackendsInitializer;

/**
 * The whole service on random ports (HTTP and gRPC), against real backends (a fresh PostgreSQL database per context,
 * the broker) and trusting {@link TestIssuer}'s tokens; its préciput import route watches a directory of its own
 * ({@link ImportDirectory}). Tests share one context when they declare nothing more, so use this annotation alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0"})
@ContextConfiguration(initializers = {BackendsInitializer.class, TestIssuerInitializer.class, ImportDirectory.class})
public @interface ServiceTest {
}
