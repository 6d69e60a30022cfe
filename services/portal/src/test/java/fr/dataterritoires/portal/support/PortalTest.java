package fr.dataterritoires.portal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole portal on a random port, reading and writing through the real dataset-search ({@link RealDatasetSearch})
 * and the real roadmaps service ({@link RealRoadmaps}), one process each for the test run, in the {@code local} profile: sign-in through the development issuer's authorization
 * endpoint ({@link SignIn}), as in a local run. MockMvc for page-level checks, the port for the browser. Tests share
 * one context when they declare nothing more.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("local")
@ContextConfiguration(initializers = {RealDatasetSearch.class, RealRoadmaps.class})
public @interface PortalTest {
}
