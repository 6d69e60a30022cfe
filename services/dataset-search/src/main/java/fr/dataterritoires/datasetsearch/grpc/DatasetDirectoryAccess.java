package fr.dataterritoires.datasetsearch.grpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.platform.grpc.GrpcAuthorizationRules;

/** The directory serves published data only: every read is open to anonymous callers, as over REST. */
@Configuration(proxyBeanMethods = false)
public class DatasetDirectoryAccess {

    @Bean
    GrpcAuthorizationRules datasetDirectoryReads() {
        return GrpcAuthorizationRules.permitAll(
                GrpcAuthorizationRules.method(DatasetDirectoryGrpc.getGetDatasetMethod()),
                GrpcAuthorizationRules.method(DatasetDirectoryGrpc.getGetDatasetsMethod()),
                GrpcAuthorizationRules.method(DatasetDirectoryGrpc.getResolveDatasetsMethod()),
                GrpcAuthorizationRules.method(DatasetDirectoryGrpc.getSearchMethod()));
    }
}
