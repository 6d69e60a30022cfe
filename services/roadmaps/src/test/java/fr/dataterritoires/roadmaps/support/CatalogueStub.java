package fr.dataterritoires.roadmaps.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetSummary;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsResponse;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * A stand-in for dataset-search's {@code DatasetDirectory}, for the tests that are not about the dataset check (the
 * workflow, events...): a real gRPC server on a loopback port of the test JVM, reached through the service's real
 * client (channel, deadline, breaker), that knows every catalogue id except those starting with {@value #UNKNOWN}.
 * {@link ServiceTest} points the {@code dataset-search} channel at it. The check itself is proven against the real
 * dataset-search ({@code grpc.DatasetDirectoryReferencesTest}).
 */
public final class CatalogueStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Ids starting with this are not in the stub's catalogue. */
    public static final String UNKNOWN = "inconnu";

    private static Server server;

    /** The stub's address, starting it once per JVM. */
    public static synchronized String address() {
        if (server == null) {
            try {
                server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                        .addService(new Directory()).build().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Server started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdownNow, "catalogue-stub-stop"));
        }
        return "static://127.0.0.1:" + server.getPort();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource stub = new MapPropertySource("catalogue-stub",
                Map.of("spring.grpc.client.channels.dataset-search.address", address()));
        String inlined = "Inlined Test Properties";
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, stub);
        } else {
            sources.addFirst(stub);
        }
    }

    private static final class Directory extends DatasetDirectoryGrpc.DatasetDirectoryImplBase {
        @Override
        public void getDatasets(GetDatasetsRequest request, StreamObserver<GetDatasetsResponse> response) {
            GetDatasetsResponse.Builder answer = GetDatasetsResponse.newBuilder();
            for (String id : request.getDatasetIdsList()) {
                if (id.startsWith(UNKNOWN)) {
                    answer.addMissing(id);
                } else {
                    answer.addDatasets(DatasetSummary.newBuilder().setDatasetId(id).setTitle("Jeu " + id));
                }
            }
            response.onNext(answer.build());
            response.onCompleted();
        }
    }
}
