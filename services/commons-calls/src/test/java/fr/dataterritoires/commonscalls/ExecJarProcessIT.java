package fr.dataterritoires.commonscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.contracts.commonscalls.v1.CommonsFundingGrpc;
import fr.dataterritoires.contracts.commonscalls.v1.Funding;
import fr.dataterritoires.contracts.commonscalls.v1.GetOrganisationFundingRequest;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.testing.backends.Backends;
import fr.dataterritoires.testing.process.ServiceProcess;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/**
 * The executable jar run as production runs it — and as other services' tests run it ({@link ServiceProcess}, profile
 * {@code local}, the {@code DT_*} variables, a trusted issuer, an exchange of its own): it migrates its own database,
 * takes an award through REST and answers {@code CommonsFunding} over gRPC. Runs after packaging (phase
 * integration-test), the jar's path in {@code dataterritoires.test.commons-calls-jar}.
 */
class ExecJarProcessIT {

    @Test
    void theExecJarServesRestAndGrpcOnTheLocalProfile() throws Exception {
        int grpcPort = ServiceProcess.freePort();
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        String namespace = "dt-test-" + HexFormat.of().formatHex(random);
        try (ServiceProcess service = ServiceProcess.builder("commons-calls",
                        ServiceProcess.jarFromSystemProperty("dataterritoires.test.commons-calls-jar"))
                .profile("local")
                .env("DT_POSTGRES_URL", Backends.postgres().createDatabase("commons_calls_process"))
                .env("DT_POSTGRES_USER", Backends.postgres().username())
                .env("DT_POSTGRES_PASSWORD", Backends.postgres().password())
                .env("DT_AMQP_URL", Backends.amqp().uri())
                .httpPort(ServiceProcess.freePort())
                .property("spring.grpc.server.port", grpcPort)
                .trustIssuer(TestIssuer.ISSUER, TestIssuer.PUBLIC_PEM)
                .property("dataterritoires.events.exchange", "dataterritoires.events." + namespace)
                .start()) {
            Api api = new Api(service.httpPort());
            String callId = api.openCall(Api.callBody(api.demoFunder(), "COMMONS", null, "300000.00", "120000.00", "0.00"));
            String applicationId = api.submitted(Api.applicationBody(callId, "75000.00", Api.MEMBER));
            api.closeAndEvaluate(callId);
            api.eligible(applicationId);
            String awardId = api.post("/api/applications/" + applicationId + "/award", Api.FUNDER,
                    Map.of("amount", "75000.00", "reason", "Lauréat.")).status(201).json().path("id").asString();

            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
            try {
                Funding funding = CommonsFundingGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                        .getOrganisationFunding(GetOrganisationFundingRequest.newBuilder().setSiren(Api.MEMBER).build());
                assertThat(funding.getAwardsList()).anySatisfy(a -> {
                    assertThat(a.getAwardId()).isEqualTo(awardId);
                    assertThat(a.getAmount()).isEqualTo("75000.00");
                });
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
