package fr.dataterritoires.replication.grpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.dataterritoires.contracts.commonscalls.v1.CommonsFundingGrpc;
import fr.dataterritoires.platform.grpc.PlatformGrpcClients;

/**
 * The channel to commons-calls' {@code CommonsFunding} ({@code spring.grpc.client.channels.commons-calls.address}):
 * the platform's deadline on every call ({@code dataterritoires.grpc.client.default-deadline}), the caller's token
 * propagated, both methods (reads) retried on UNAVAILABLE within that deadline.
 */
@Configuration(proxyBeanMethods = false)
public class CommonsFundingClient {

    /** Channel and circuit breaker name. */
    public static final String CHANNEL = "commons-calls";

    @Bean
    CommonsFundingGrpc.CommonsFundingBlockingStub commonsFunding(PlatformGrpcClients clients) {
        return CommonsFundingGrpc.newBlockingStub(clients.channel(CHANNEL,
                CommonsFundingGrpc.getGetInitiativeFundingMethod(),
                CommonsFundingGrpc.getGetOrganisationFundingMethod()));
    }
}
