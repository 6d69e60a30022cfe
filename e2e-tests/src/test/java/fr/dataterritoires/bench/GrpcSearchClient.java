package fr.dataterritoires.bench;

import java.util.concurrent.TimeUnit;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.SearchRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.SearchResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/**
 * {@code DatasetDirectory.Search} over a real socket (plaintext HTTP/2 on the service's gRPC port), with the bearer
 * token another service would send. One channel shared by every client thread, as an application would.
 */
final class GrpcSearchClient implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final DatasetDirectoryGrpc.DatasetDirectoryBlockingStub stub;

    GrpcSearchClient(int port, String token) {
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        this.stub = DatasetDirectoryGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    static SearchRequest request(QueryMix.Query q) {
        SearchRequest.Builder request = SearchRequest.newBuilder().setText(q.text());
        if (q.territory() != null) {
            request.setTerritory(q.territory());
        }
        if (q.theme() != null) {
            request.addThemes(q.theme());
        }
        if (q.access() != null) {
            request.addAccessLevels(q.access());
        }
        if (!"relevance".equals(q.sort())) {
            request.setSort(q.sort());
        }
        return request.build();
    }

    SearchResponse search(SearchRequest request) {
        return stub.withDeadlineAfter(60, TimeUnit.SECONDS).search(request);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow();
        channel.awaitTermination(10, TimeUnit.SECONDS);
    }
}
