package fr.dataterritoires.testing.backends;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing answers and there is no Docker: the embedded engines take over, for real. */
class EmbeddedPathTest {

    @Test
    void embeddedPostgresAndQpidBrokerServeRealTraffic() throws Exception {
        int pgPort;
        int amqpPort;
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get,
                LoopbackProber.nothingAnswers(), () -> false)) {
            PostgresBackend pg = resolver.postgres();
            assertThat(pg.source()).isEqualTo(BackendSource.EMBEDDED);
            assertThat(pg.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").doesNotContain(":5432/");
            BackendChecks.postgresWorks(pg);

            AmqpBackend amqp = resolver.amqp();
            assertThat(amqp.source()).isEqualTo(BackendSource.EMBEDDED);
            assertThat(amqp.port()).isNotEqualTo(5672);
            assertThat(amqp.virtualHost()).isEqualTo("/");
            BackendChecks.amqpWorks(amqp);

            pgPort = Integer.parseInt(pg.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
            amqpPort = amqp.port();
        }
        // close() stopped both engines.
        assertThatThrownBy(() -> connect(pgPort)).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> connect(amqpPort)).isInstanceOf(java.io.IOException.class);
    }

    private static void connect(int port) throws java.io.IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        }
    }
}
