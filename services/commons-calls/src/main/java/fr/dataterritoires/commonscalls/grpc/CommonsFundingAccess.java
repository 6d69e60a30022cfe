package fr.dataterritoires.commonscalls.grpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.dataterritoires.contracts.commonscalls.v1.CommonsFundingGrpc;
import fr.dataterritoires.platform.grpc.GrpcAuthorizationRules;

/** Awards and préciput allocations are published data: CommonsFunding's reads are open to anonymous callers. */
@Configuration(proxyBeanMethods = false)
public class CommonsFundingAccess {

    @Bean
    GrpcAuthorizationRules commonsFundingReads() {
        return GrpcAuthorizationRules.permitAll(
                GrpcAuthorizationRules.method(CommonsFundingGrpc.getGetOrganisationFundingMethod()),
                GrpcAuthorizationRules.method(CommonsFundingGrpc.getGetInitiativeFundingMethod()));
    }
}
