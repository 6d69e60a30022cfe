package fr.dataterritoires.contracts.datasetsearch.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * The generated DatasetDirectory stubs work over a real socket: messages, enums, repeated fields
 * and status codes survive the wire. Guards the code generation set-up (protoc 4.33.4 with
 * protoc-gen-grpc-java 1.83.1 running on grpc-java 1.85.1).
 */
class DatasetDirectoryContractTest {

    private static final DatasetSummary BAN = DatasetSummary.newBuilder()
            .setDatasetId("ban")
            .setTitle("Base adresse nationale")
            .setSourceUri("https://adresse.data.gouv.fr/donnees-nationales")
            .setAccessLevel(AccessLevel.ACCESS_LEVEL_OPEN)
            .setProducerSiren("130025265")
            .addCoverageCodes("FR")
            .build();

    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws Exception {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new InMemoryDirectory(Map.of("ban", BAN)))
                .build()
                .start();
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.getPort(), InsecureChannelCredentials.create())
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void resolvesKnownReferencesAndReportsUnknownOnes() {
        var stub = DatasetDirectoryGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);

        ResolveDatasetsResponse response = stub.resolveDatasets(ResolveDatasetsRequest.newBuilder()
                .addReferences("ban")
                .addReferences("inconnu")
                .build());

        assertThat(response.getResolvedList()).singleElement().satisfies(r -> {
            assertThat(r.getReference()).isEqualTo("ban");
            assertThat(r.getDataset()).isEqualTo(BAN);
        });
        assertThat(response.getUnresolvedList()).containsExactly("inconnu");
    }

    @Test
    void unknownDatasetIsNotFound() {
        var stub = DatasetDirectoryGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> stub.getDataset(GetDatasetRequest.newBuilder().setDatasetId("absent").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    /** A catalogue held in memory: enough to exercise the generated server base class. */
    private static final class InMemoryDirectory extends DatasetDirectoryGrpc.DatasetDirectoryImplBase {
        private final Map<String, DatasetSummary> catalogue;

        InMemoryDirectory(Map<String, DatasetSummary> catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public void resolveDatasets(ResolveDatasetsRequest request, StreamObserver<ResolveDatasetsResponse> out) {
            var response = ResolveDatasetsResponse.newBuilder();
            for (String reference : request.getReferencesList()) {
                DatasetSummary found = catalogue.get(reference);
                if (found == null) {
                    response.addUnresolved(reference);
                } else {
                    response.addResolved(ResolvedDataset.newBuilder().setReference(reference).setDataset(found));
                }
            }
            out.onNext(response.build());
            out.onCompleted();
        }

        @Override
        public void getDataset(GetDatasetRequest request, StreamObserver<DatasetSummary> out) {
            DatasetSummary found = catalogue.get(request.getDatasetId());
            if (found == null) {
                out.onError(Status.NOT_FOUND.withDescription("jeu de données inconnu").asRuntimeException());
                return;
            }
            out.onNext(found);
            out.onCompleted();
        }
    }
}
