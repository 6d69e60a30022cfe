package fr.dataterritoires.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import fr.dataterritoires.platform.testsupport.TestIssuerInitializer;

/**
 * The whole gateway on a random port, trusting the test issuer's tokens, in front of real servers on loopback
 * ({@link GatewayBackends}): an HTTP service recording what reaches it, a service that never answers, a closed port, the
 * real roadmaps (its executable jar, started on first use), and the real Redis behind a cuttable proxy. Tests share
 * one context when they declare nothing more.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestIssuerInitializer.class, GatewayBackends.class})
public @interface GatewayTest {
}
