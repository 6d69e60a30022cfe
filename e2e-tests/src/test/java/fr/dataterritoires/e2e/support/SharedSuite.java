package fr.dataterritoires.e2e.support;

import fr.dataterritoires.testing.backends.BackendResolver;
import fr.dataterritoires.testing.backends.PostgresBackend;
import fr.dataterritoires.testing.local.LocalSuite;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The whole suite as separate processes (the services' executable jars, started the way {@code make run} starts them,
 * see {@link LocalSuite}), shared by the journey tests of one test JVM: started once on first use, on ports shifted to
 * a free range and on a database of its own (dropped before, and after the JVM ends), stopped when the JVM ends.
 * Tests that break things on purpose (faults) start a suite of their own with {@link #startPrivate(String)}.
 */
public final class SharedSuite {

    /**
     * {@code -Ddt.e2e.database=NAME}, else one per checkout: two clones running their journeys on one machine's
     * PostgreSQL must not drop or migrate each other's database.
     */
    private static final String DATABASE = database();
    private static LocalSuite shared;

    private SharedSuite() {
    }

    /**
     * The gateway the journeys call: {@code -Ddt.e2e.gateway=URL} names a suite already running (a {@code make run},
     * to replay a journey without starting everything again), else the shared suite's, started on first use.
     */
    public static URI gateway() throws Exception {
        String running = System.getProperty("dt.e2e.gateway");
        return running != null && !running.isBlank() ? URI.create(running.strip()) : get().gateway();
    }

    /** The running shared suite; its gateway is {@code get().gateway()}. */
    public static synchronized LocalSuite get() throws Exception {
        if (shared == null) {
            shared = startPrivate(DATABASE);
            LocalSuite suite = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                suite.close();
                dropDatabase(DATABASE);
            }, "dt-e2e-suite-stop"));
        }
        return shared;
    }

    /**
     * A suite of its own on {@code database} (dropped first), on a free port range, logs under
     * {@code target/e2e-suites/<database>}: the caller closes it (and may drop the database with {@link #dropDatabase}).
     */
    public static LocalSuite startPrivate(String database) throws Exception {
        return startPrivate(database, suite -> suite);
    }

    /**
     * The same, configured before it starts: e.g. {@link LocalSuite#environment} ({@code DT_AMQP_URL} of a broker of
     * the test's own, shorter budgets) or {@link LocalSuite#services} (only the services a test needs).
     */
    public static LocalSuite startPrivate(String database, UnaryOperator<LocalSuite> configure) throws Exception {
        dropDatabase(database);
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path runDir = Path.of("target", "e2e-suites", database).toAbsolutePath();
        Files.createDirectories(runDir);
        PrintStream out = new PrintStream(Files.newOutputStream(runDir.resolve("launcher.log")), true);
        // a machine running several suites at once (2 cores, a dozen JVMs) can take minutes per service
        LocalSuite suite = configure.apply(LocalSuite.forTests(repo, runDir, freeOffset(), database, out)
                .startTimeout(Duration.ofMinutes(8)));
        try {
            suite.start();
        } catch (Exception e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private static String database() {
        String named = System.getProperty("dt.e2e.database");
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        String checkout = Path.of("..").toAbsolutePath().normalize().toString();
        return "dt_e2e_journeys_" + Integer.toHexString(checkout.hashCode() & 0xfffffff);
    }

    /** An offset that puts every port of the suite (HTTP 808x, gRPC 909x) on free ports. */
    public static synchronized int freeOffset() {
        for (int offset = 3000; offset <= 30000; offset += 1000) {
            boolean free = true;
            for (int port : new int[] {8080, 8081, 8082, 8083, 8084, 8085, 8086, 8087, 9092, 9094, 9095}) {
                free &= !listening(port + offset);
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port range for the suite");
    }

    public static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        }
    }

    public static void dropDatabase(String database) {
        try (BackendResolver resolver = BackendResolver.system()) {
            PostgresBackend pg = resolver.postgres();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not drop the test database " + database, e);
        }
    }
}
