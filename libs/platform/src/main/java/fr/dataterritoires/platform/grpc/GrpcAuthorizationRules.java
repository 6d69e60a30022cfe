package fr.dataterritoires.platform.grpc;

import fr.dataterritoires.platform.security.Role;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.Arrays;
import org.springframework.grpc.server.security.RequestMapperConfigurer;

/**
 * A service's additions to the default gRPC call authorization, applied after the anonymous
 * health and reflection services and before the final "any call needs a valid token". The first
 * matching rule decides. Patterns are full method names ({@code package.Service/Method}) with
 * {@code *} wildcards. Declare one or more as beans, e.g.:
 *
 * <pre>{@code
 * @Bean
 * GrpcAuthorizationRules datasetDirectoryRules() {
 *     return GrpcAuthorizationRules.requireAnyRole(
 *             GrpcAuthorizationRules.method(DatasetDirectoryGrpc.getResolveDatasetsMethod()),
 *             Role.NATIONAL_COORDINATOR, Role.COMMITTEE_MEMBER);
 * }
 * }</pre>
 *
 * Ownership (region, ministry, SIREN) stays in the application layer: {@code Actors.current()}
 * works inside a gRPC method, and an {@code OwnershipViolationException} becomes PERMISSION_DENIED.
 */
@FunctionalInterface
public interface GrpcAuthorizationRules {

    void configure(RequestMapperConfigurer rules);

    /** Restricts the methods matching {@code pattern} to actors holding at least one of {@code roles}. */
    static GrpcAuthorizationRules requireAnyRole(String pattern, Role... roles) {
        return rules -> rules.methods(pattern).hasAnyAuthority(authorities(roles));
    }

    /** Opens the methods matching {@code patterns} to anonymous callers (published data). */
    static GrpcAuthorizationRules permitAll(String... patterns) {
        return rules -> rules.methods(patterns).permitAll();
    }

    /** The full name of one method, e.g. {@code fr.dataterritoires.datasetsearch.v1.DatasetDirectory/GetDataset}. */
    static String method(MethodDescriptor<?, ?> method) {
        return method.getFullMethodName();
    }

    /** A pattern matching every method of a service. */
    static String allMethodsOf(ServiceDescriptor service) {
        return service.getName() + "/*";
    }

    static String[] authorities(Role... roles) {
        return Arrays.stream(roles).map(Role::authority).toArray(String[]::new);
    }
}
