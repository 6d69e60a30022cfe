package fr.dataterritoires.roadmaps.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsResponse;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.testing.process.DatasetSearchProcess;
import fr.dataterritoires.testing.process.ServiceProcess;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/**
 * The real dataset-search, one for the whole test JVM: its executable jar started lazily, once, as a process of its
 * own ({@link ServiceProcess}) on the backends the tests resolved (its own PostgreSQL database, the broker, the
 * embedded Elasticsearch node of this JVM), trusting {@link TestIssuer}'s tokens, and stopped when the JVM exits; its
 * catalogue is seeded once by harvesting small real DCAT files (libs/testing {@link DatasetSearchProcess}, shared with
 * the portal's tests; at least {@value #EXPECTED} datasets); {@link #datasetIds()} are their catalogue ids, as
 * dataset-search itself lists them, each checked known to its gRPC DatasetDirectory.
 *
 * <p>As an {@link ApplicationContextInitializer} (see {@link ServiceTest}) it points the service's {@code dataset-search}
 * channel at that process, so every dataset reference a test names is checked by the real {@code DatasetDirectory}:
 * tests name {@link #anyDatasetId(int)} for a dataset the catalogue holds and {@link #unknownDatasetId()} for one it
 * does not.
 */
public final class RealDatasetSearch implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** At least as many datasets as the files above give together (some of them describe the same datasets). */
    public static final int EXPECTED = DatasetSearchProcess.EXPECTED;

    private static final String COORDINATOR = TestIssuer.token(Role.NATIONAL_COORDINATOR);

    private static ServiceProcess process;
    private static int grpcPort;
    private static List<String> ids;

    /** The running process, started and seeded on first use. */
    public static synchronized ServiceProcess process() {
        if (process == null) {
            try {
                start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return process;
    }

    /** The {@code spring.grpc.client.channels.*.address} of its DatasetDirectory. */
    public static String address() {
        process();
        return "static://127.0.0.1:" + grpcPort;
    }

    /** The catalogue ids of the seeded datasets (at least {@value #EXPECTED}), sorted. */
    public static List<String> datasetIds() {
        process();
        return ids;
    }

    /** The {@code i}-th catalogue id of {@link #datasetIds()}: tests that must not share a dataset pick different i. */
    public static String anyDatasetId(int i) {
        List<String> all = datasetIds();
        if (i < 0 || i >= all.size()) {
            throw new IllegalArgumentException("the catalogue holds " + all.size() + " datasets, no #" + i);
        }
        return all.get(i);
    }

    /** A well-formed catalogue id (a UUID) the catalogue does not hold. */
    public static String unknownDatasetId() {
        String id;
        do {
            id = UUID.randomUUID().toString();
        } while (datasetIds().contains(id));
        return id;
    }

    /**
     * Starts it again after a test stopped it, waiting until it is ready, and checks that its DatasetDirectory
     * answers and still holds the whole catalogue.
     */
    public static synchronized void restartIfStopped() {
        ServiceProcess running = process();
        if (running.isAlive()) {
            return;
        }
        try {
            running.restart();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        GetDatasetsResponse known = getDatasets(ids);
        assertThat(known.getMissingList()).as("the catalogue after a restart").isEmpty();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource real = new MapPropertySource("real-dataset-search", Map.of(
                "spring.grpc.client.channels.dataset-search.address", address(),
                // a loaded 2-core machine must not turn ordinary calls into timeouts
                "dataterritoires.grpc.client.default-deadline", "25s"));
        String inlined = "Inlined Test Properties";
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, real);
        } else {
            sources.addFirst(real);
        }
    }

    // ---- start and seed ---------------------------------------------------------------------------------------------

    private static void start() throws IOException, InterruptedException {
        grpcPort = ServiceProcess.freePort();
        // started and seeded by libs/testing (shared with the portal's tests); stopped when the JVM exits
        DatasetSearchProcess started = DatasetSearchProcess.start(builder -> builder
                .property("spring.grpc.server.port", grpcPort)
                .trustIssuer(TestIssuer.ISSUER, TestIssuer.PUBLIC_PEM), COORDINATOR);
        process = started.process();
        try {
            List<String> found = started.datasetIds();
            assertThat(found).hasSizeGreaterThanOrEqualTo(EXPECTED);
            // ...all known to its DatasetDirectory (PostgreSQL), the very call roadmaps makes
            GetDatasetsResponse known = getDatasets(found);
            assertThat(known.getMissingList()).as(known.toString()).isEmpty();
            assertThat(known.getDatasetsCount()).isEqualTo(found.size());
            ids = found;
        } catch (RuntimeException | AssertionError e) {
            process.close();
            process = null;
            throw e;
        }
    }

    private static GetDatasetsResponse getDatasets(List<String> datasetIds) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            return DatasetDirectoryGrpc.newBlockingStub(channel)
                    .withInterceptors(new BearerTokenAuthenticationInterceptor(COORDINATOR))
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getDatasets(GetDatasetsRequest.newBuilder().addAllDatasetIds(datasetIds).build());
        } finally {
            channel.shutdownNow();
        }
    }
}
