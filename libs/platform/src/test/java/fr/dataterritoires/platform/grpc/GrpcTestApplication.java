package fr.dataterritoires.platform.grpc;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.platform.security.Role;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * A service exposing the {@code DatasetDirectory} contract over gRPC
 * ({@link InMemoryDatasetDirectory}) with nothing but the platform's auto-configuration. No
 * database or broker: their auto-configurations are left out.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.apache.camel.spring.boot.CamelAutoConfiguration"})
public class GrpcTestApplication {

    /** How a service restricts a method to roles. */
    @Bean
    GrpcAuthorizationRules resolveIsForRoadmapEditors() {
        return GrpcAuthorizationRules.requireAnyRole(
                GrpcAuthorizationRules.method(DatasetDirectoryGrpc.getResolveDatasetsMethod()),
                Role.NATIONAL_COORDINATOR, Role.COMMITTEE_MEMBER);
    }

    /**
     * How a service calls another one: here the service calls itself (channel {@code self}), to show
     * that the caller's token travels. Lazy: the address holds the port bound at start-up.
     */
    @Bean
    @Lazy
    DatasetDirectoryGrpc.DatasetDirectoryBlockingStub selfDirectory(PlatformGrpcClients clients) {
        return DatasetDirectoryGrpc.newBlockingStub(clients.channel("self", DatasetDirectoryGrpc.getGetDatasetMethod()));
    }
}
