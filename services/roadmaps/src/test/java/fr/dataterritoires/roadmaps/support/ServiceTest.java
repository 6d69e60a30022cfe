package fr.dataterritoires.roadmaps.support;

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
 * The whole service on a random port, against real backends (a fresh PostgreSQL database per context, the broker)
 * and trusting {@link TestIssuer}'s tokens; its dataset references are checked over gRPC by the real dataset-search,
 * one process for the whole test run, seeded with real DCAT files ({@link RealDatasetSearch}: tests name its
 * {@code anyDatasetId(i)} for a dataset the catalogue holds). Tests share contexts when they declare nothing more, so
 * prefer this annotation alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {BackendsInitializer.class, TestIssuerInitializer.class, RealDatasetSearch.class})
public @interface ServiceTest {
}
