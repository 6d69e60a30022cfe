package fr.dataterritoires.testing.backends;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the servers this kind of machine runs on loopback (PostgreSQL 5432, RabbitMQ 5672):
 * the real probes find them, and explicit DT_* variables pointing at them win without probing.
 */
class LoopbackAndExplicitPathTest {

    @Test
    void realProbesFindTheLoopbackServers() throws Exception {
        AtomicBoolean dockerAsked = new AtomicBoolean();
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, LoopbackProber.real(),
                () -> dockerAsked.getAndSet(true))) {
            PostgresBackend pg = resolver.postgres();
            assertThat(pg.source()).isEqualTo(BackendSource.LOOPBACK);
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
            BackendChecks.postgresWorks(pg);

            AmqpBackend amqp = resolver.amqp();
            assertThat(amqp.source()).isEqualTo(BackendSource.LOOPBACK);
            assertThat(amqp.port()).isEqualTo(5672);
            assertThat(amqp.virtualHost()).isEqualTo("/");
            BackendChecks.amqpWorks(amqp);

            assertThat(resolver.postgres()).isSameAs(pg);
            assertThat(dockerAsked).isFalse();
        }
    }

    @Test
    void explicitVariablesPointingAtTheLoopbackServersWin() throws Exception {
        Map<String, String> env = Map.of(
                "DT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "DT_POSTGRES_USER", "postgres",
                "DT_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/%2F");
        // Nothing "answers" to the probe: explicit must not depend on it.
        try (BackendResolver resolver = new BackendResolver(env::get, LoopbackProber.nothingAnswers(), () -> false)) {
            PostgresBackend pg = resolver.postgres();
            assertThat(pg.source()).isEqualTo(BackendSource.EXPLICIT);
            BackendChecks.postgresWorks(pg);

            AmqpBackend amqp = resolver.amqp();
            assertThat(amqp.source()).isEqualTo(BackendSource.EXPLICIT);
            assertThat(amqp.uri()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
            BackendChecks.amqpWorks(amqp);
        }
    }

    @Test
    void realProbesSayNoToAClosedPortAndToTheWrongProtocol() throws Exception {
        LoopbackProber prober = LoopbackProber.real();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(prober.postgres("127.0.0.1", closedPort, "postgres", "")).isFalse();
        assertThat(prober.amqp("127.0.0.1", closedPort, "guest", "guest", "/")).isFalse();
        assertThat(prober.elasticsearch("http://127.0.0.1:" + closedPort)).isEmpty();
        // An open port speaking another protocol is not a match either.
        assertThat(prober.amqp("127.0.0.1", 5432, "guest", "guest", "/")).isFalse();
        assertThat(prober.postgres("127.0.0.1", 5672, "postgres", "")).isFalse();
        assertThat(prober.amqp("127.0.0.1", 5672, "guest", "wrong-password", "/")).isFalse();
    }

    @Test
    void databasesCreatedOnASharedServerAreDroppedAtClose() throws Exception {
        String url;
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, LoopbackProber.real(), () -> false)) {
            url = resolver.postgres().createDatabase("drop_check");
        }
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var s = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            var rs = s.executeQuery();
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
