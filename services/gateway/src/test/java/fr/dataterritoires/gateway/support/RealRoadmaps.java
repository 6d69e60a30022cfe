package fr.dataterritoires.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.testing.process.ServiceProcess;

/**
 * The real roadmaps behind the gateway: its executable jar started once per test JVM, on first use, as a process of
 * its own, on the port {@link GatewayBackends} routed {@code /api/roadmaps/**} to, with its own PostgreSQL database, exchange
 * and queues on the machine's broker, trusting the test issuer. Stopped when the JVM exits (ServiceProcess's hook).
 */
public final class RealRoadmaps {

    private static ServiceProcess process;

    private RealRoadmaps() {
    }

    public static synchronized ServiceProcess process() {
        if (process != null) {
            return process;
        }
        String namespace = "dt-test-" + HexFormat.of().formatHex(randomBytes());
        fr.dataterritoires.testing.backends.PostgresBackend postgres =
                fr.dataterritoires.testing.backends.Backends.postgres();
        try {
            process = ServiceProcess.builder("roadmaps",
                            ServiceProcess.jarFromSystemProperty("dataterritoires.test.roadmaps-jar"))
                    .profile("local")
                    .env("DT_POSTGRES_URL", postgres.createDatabase("roadmaps_behind_gateway"))
                    .env("DT_POSTGRES_USER", postgres.username())
                    .env("DT_POSTGRES_PASSWORD", postgres.password())
                    .env("DT_AMQP_URL", fr.dataterritoires.testing.backends.Backends.amqp().uri())
                    .httpPort(GatewayBackends.roadmapsPort())
                    .trustIssuer(TestIssuer.ISSUER, TestIssuer.PUBLIC_PEM)
                    .property("dataterritoires.test.namespace", namespace)
                    .property("dataterritoires.events.exchange", "dataterritoires.events." + namespace)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
