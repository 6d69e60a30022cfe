package fr.dataterritoires.portal.support;

import static fr.dataterritoires.testing.process.IoCalls.unchecked;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.testing.process.RoadmapsProcess;
import tools.jackson.databind.JsonNode;

/**
 * The real roadmaps service behind the portal's roadmap pages, one process for the test JVM (libs/testing
 * {@link RoadmapsProcess}, with the 18 régions' committees), checking dataset references with the dataset-search
 * process of {@link RealDatasetSearch} and trusting the same development issuer's key: the portal's development login
 * mints the very tokens it checks, as in a local run.
 *
 * <p>As an {@link ApplicationContextInitializer} it points the portal at that process.
 */
public final class RealRoadmaps implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static RoadmapsProcess process;
    /** Periods no other test of this JVM used: a committee has one roadmap per period, a ministry one section a year. */
    private static int nextYear = 2030;

    public static synchronized RoadmapsProcess process() {
        if (process == null) {
            String keyDir = RealDatasetSearch.keyDir().toString();
            process = unchecked(() -> RoadmapsProcess.start(RealDatasetSearch.grpcPort(), builder -> builder
                    // several test JVMs share this 2-core machine: a start may take longer than usual
                    .startTimeout(java.time.Duration.ofMinutes(6))
                    .property("dataterritoires.security.dev-issuer.enabled", true)
                    .property("dataterritoires.security.dev-issuer.key-dir", keyDir)
                    // a loaded 2-core machine must not turn ordinary gRPC calls into timeouts
                    .property("dataterritoires.grpc.client.default-deadline", "25s"),
                    RealDatasetSearch.minter().mintFor(Role.NATIONAL_COORDINATOR)));
        }
        return process;
    }

    /** The service's own answer to a call as the given user ({@code null}: anonymous): what the pages must show. */
    public static JsonNode api(String method, String path, Object body, int expected, String token) {
        return unchecked(() -> process().api().call(method, path, body, expected, token));
    }

    /** A year no other test of this run has filed a roadmap for. */
    public static synchronized int freshYear() {
        return nextYear++;
    }

    public static String token(Role role) {
        return RealDatasetSearch.minter().mintFor(role);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String base = process().baseUri().toString();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("real-roadmaps", Map.of(
                "dataterritoires.portal.services.roadmaps", base.endsWith("/") ? base.substring(0, base.length() - 1) : base)));
    }
}
