package fr.dataterritoires.roadmaps.grpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.platform.grpc.PlatformGrpcClients;

/**
 * The channel to dataset-search's {@code DatasetDirectory} ({@code spring.grpc.client.channels.dataset-search.address}):
 * the platform's default deadline on every call, the caller's token propagated (the service's own outside requests,
 * once a {@code ServiceTokenProvider} is declared), and its reads — all of this service's calls — retried on
 * UNAVAILABLE.
 */
@Configuration(proxyBeanMethods = false)
public class DatasetDirectoryClient {

    /** Channel and circuit breaker name. */
    public static final String CHANNEL = "dataset-search";

    @Bean
    DatasetDirectoryGrpc.DatasetDirectoryBlockingStub datasetDirectory(PlatformGrpcClients clients) {
        return DatasetDirectoryGrpc.newBlockingStub(clients.channel(CHANNEL,
                DatasetDirectoryGrpc.getGetDatasetsMethod(), DatasetDirectoryGrpc.getGetDatasetMethod(),
                DatasetDirectoryGrpc.getResolveDatasetsMethod()));
    }
}
