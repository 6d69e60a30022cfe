package fr.dataterritoires.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevIssuerKeys;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.testing.process.DatasetSearchProcess;
import fr.dataterritoires.testing.process.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * The real dataset-search behind the portal's tests, one process for the test JVM (libs/testing
 * {@link DatasetSearchProcess}), seeded with real DCAT files plus one harvested as a restricted source (access
 * procedure, producer with a SIREN), so that the access request pages have a dataset to ask for. Both the portal and
 * that process use the development issuer on a key of their own (a temporary directory): the portal's development
 * login mints the very tokens dataset-search checks, as in a local run.
 *
 * <p>As an {@link ApplicationContextInitializer} it points the portal at that process.
 */
public final class RealDatasetSearch implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A file whose datasets the other files do not describe, harvested as RESTRICTED. */
    static final Path RESTRICTED_FILE = Path.of("/work/shared/data/real/dcat-catalogs/ckanext-dcat/dataset_deri.ttl");
    public static final String PRODUCER_SIREN = "130025265";

    private static DatasetSearchProcess process;
    private static int grpcPort;
    private static Path keyDir;
    private static List<String> restricted;
    private static int total;

    public static synchronized DatasetSearchProcess process() {
        if (process == null) {
            try {
                keyDir = Files.createTempDirectory("dt-portal-dev-issuer");
                String coordinator = minter().mintFor(Role.NATIONAL_COORDINATOR);
                grpcPort = ServiceProcess.freePort();
                process = DatasetSearchProcess.start(builder -> builder
                        // its DatasetDirectory, which the roadmaps process calls (RealRoadmaps)
                        // several test JVMs share this 2-core machine: a start may take longer than usual
                        .startTimeout(java.time.Duration.ofMinutes(6))
                        .property("spring.grpc.server.port", grpcPort)
                        .property("dataterritoires.security.dev-issuer.enabled", true)
                        .property("dataterritoires.security.dev-issuer.key-dir", keyDir.toString()), coordinator);
                int created = process.harvest("acces-restreint", RESTRICTED_FILE, Map.of(
                        "defaultAccessLevel", "RESTRICTED",
                        "defaultProducer", Map.of("name", "Direction interministérielle du numérique",
                                "siren", PRODUCER_SIREN, "type", "STATE_SERVICE")));
                if (created < 1) {
                    throw new AssertionError("the restricted source gave no new dataset");
                }
                total = process.datasetIds().size() + created;
                process.awaitListed(total);
                restricted = ids(process.call("GET", "/api/datasets?accessLevel=RESTRICTED&size=50", null, 200));
                if (restricted.isEmpty()) {
                    throw new AssertionError("no restricted dataset in the catalogue");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return process;
    }

    /** The port of its gRPC server (DatasetDirectory). */
    public static int grpcPort() {
        process();
        return grpcPort;
    }

    /** The development issuer's key directory the portal and the services of the tests share. */
    public static Path keyDir() {
        process();
        return keyDir;
    }

    public static DevTokenMinter minter() {
        return new DevTokenMinter(DevIssuerKeys.loadOrCreate(keyDir));
    }

    /** How many datasets the catalogue holds. */
    public static int total() {
        process();
        return total;
    }

    /** A dataset that is not open (access request possible). */
    public static String restrictedDatasetId() {
        process();
        return restricted.getFirst();
    }

    /** dataset-search's own answer to a GET, anonymous: what the pages must show. */
    public static JsonNode api(String pathAndQuery) {
        try {
            return process().call("GET", pathAndQuery, null, 200, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same as the given user. */
    public static JsonNode api(String pathAndQuery, String token) {
        try {
            return process().call("GET", pathAndQuery, null, 200, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.path("datasets").forEach(d -> ids.add(d.path("id").asString()));
        return ids;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String base = process().baseUri().toString();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("real-dataset-search", Map.of(
                "dataterritoires.portal.services.dataset-search", base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                // a loaded 2-core machine must not turn ordinary calls into timeouts
                "dataterritoires.portal.read-timeout", "30s",
                "dataterritoires.security.dev-issuer.enabled", "true",
                "dataterritoires.security.dev-issuer.key-dir", keyDir.toString())));
    }
}
