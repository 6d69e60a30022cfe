package fr.dataterritoires.replication.support;

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
 * the broker) and trusting {@link TestIssuer}'s tokens. Its {@code commons-calls} channel points at the real
 * commons-calls, one process for the whole test run, publishing its events on this context's exchange
 * ({@link RealCommonsCalls}). Tests share one context when they declare nothing more, so prefer this annotation
 * alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0"})
@ContextConfiguration(initializers = {BackendsInitializer.class, TestIssuerInitializer.class,
        RealCommonsCalls.class})
public @interface ServiceTest {
}
