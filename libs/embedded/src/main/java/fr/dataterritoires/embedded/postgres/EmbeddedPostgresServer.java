package fr.dataterritoires.embedded.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * A PostgreSQL server started in a child process from the zonky binaries on the classpath
 * (17.x), listening on 127.0.0.1. Authentication is {@code trust}: any password is accepted for
 * the {@code postgres} superuser. Close it to stop the server and delete its data directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        // The server is a child process: it must not outlive the JVM when nobody calls close().
        this.shutdownHook = new Thread(this::stop, "embedded-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server on a free port. */
    public static EmbeddedPostgresServer start() {
        return start(0);
    }

    /** Starts a server on the given port, or on a free one when {@code port} is 0. */
    public static EmbeddedPostgresServer start(int port) {
        int chosen = port == 0 ? freePort() : port;
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(chosen)
                    .setCleanDataDirectory(true)
                    // Our own hook (below) stops it once; zonky's would race it at JVM exit.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new EmbeddedPostgresServer(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + chosen, e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    /** JDBC URL of a database of this server (without credentials). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // close() called from another shutdown hook: ours runs anyway and finds it closed.
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
