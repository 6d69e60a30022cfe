package fr.dataterritoires.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.platform.security.Role;
import io.grpc.BindableService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A gRPC server whose authentication the platform cannot install (a servlet server: Spring gRPC
 * then defines no {@code GrpcSecurity}) must not start: its calls would all be accepted and its
 * {@link GrpcAuthorizationRules} ignored.
 */
class GrpcServerSecurityCheckTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformGrpcServerAutoConfiguration.class))
            .withBean(BindableService.class, () -> new DatasetDirectoryGrpc.DatasetDirectoryImplBase() {
            });

    @Test
    void aGrpcServiceWithoutThePlatformsAuthenticationFailsTheStart() {
        runner.withBean(GrpcAuthorizationRules.class, () -> GrpcAuthorizationRules.requireAnyRole(
                        GrpcAuthorizationRules.method(DatasetDirectoryGrpc.getResolveDatasetsMethod()),
                        Role.NATIONAL_COORDINATOR))
                .run(context -> assertThat(context).getFailure()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("no gRPC authentication interceptor")
                        .hasMessageContaining("GrpcAuthorizationRules"));
    }

    @Test
    void evenWithoutRulesTheServerDoesNotRunUnauthenticated() {
        runner.run(context -> assertThat(context).getFailure()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no gRPC authentication interceptor"));
    }
}
