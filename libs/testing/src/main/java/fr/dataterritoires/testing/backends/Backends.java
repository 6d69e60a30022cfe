package fr.dataterritoires.testing.backends;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.util.UUID;

/**
 * Entry point of backend resolution for tests: each backend is resolved once per JVM, in the
 * order of DESIGN.md §6, and the choice is logged.
 *
 * <p>SKELETON: only the loopback path is implemented so far; the full resolution order
 * (explicit, loopback, Testcontainers, embedded) is being written. The public API stays.
 */
public final class Backends {

    private Backends() {
    }

    private static PostgresBackend postgres;
    private static AmqpBackend amqp;

    public static synchronized PostgresBackend postgres() {
        if (postgres == null) {
            if (!answers("127.0.0.1", 5432)) {
                throw new IllegalStateException("no PostgreSQL on 127.0.0.1:5432");
            }
            postgres = new PostgresBackend() {
                public BackendSource source() { return BackendSource.LOOPBACK; }
                public String jdbcUrl() { return "jdbc:postgresql://127.0.0.1:5432/postgres"; }
                public String username() { return "postgres"; }
                public String password() { return ""; }
                public String createDatabase(String prefix) {
                    String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase();
                    try (var c = DriverManager.getConnection(jdbcUrl(), username(), password());
                         var s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + name);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return "jdbc:postgresql://127.0.0.1:5432/" + name;
                }
            };
        }
        return postgres;
    }

    public static synchronized AmqpBackend amqp() {
        if (amqp == null) {
            if (!answers("127.0.0.1", 5672)) {
                throw new IllegalStateException("no AMQP broker on 127.0.0.1:5672");
            }
            amqp = new AmqpBackend() {
                public BackendSource source() { return BackendSource.LOOPBACK; }
                public String host() { return "127.0.0.1"; }
                public int port() { return 5672; }
                public String username() { return "guest"; }
                public String password() { return "guest"; }
                public String virtualHost() { return "/"; }
                public String uri() { return "amqp://guest:guest@127.0.0.1:5672/%2F"; }
            };
        }
        return amqp;
    }

    public static synchronized ElasticsearchBackend elasticsearch() {
        throw new UnsupportedOperationException("being written");
    }

    static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
