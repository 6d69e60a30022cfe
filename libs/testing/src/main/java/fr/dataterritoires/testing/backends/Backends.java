package fr.dataterritoires.testing.backends;

/**
 * Entry point of backend resolution for tests: each backend is resolved once per JVM, in the
 * order of DESIGN.md §6 (explicit {@code DT_*} configuration, loopback server, Testcontainers,
 * embedded), and the choice is logged, e.g.
 * {@code PostgreSQL: using LOOPBACK jdbc:postgresql://127.0.0.1:5432/postgres (login as postgres succeeded)}.
 * Whatever was started (containers, embedded engines) stops at JVM exit.
 *
 * <p>To exercise a given path deterministically, build a {@link BackendResolver} instead.
 */
public final class Backends {

    private static BackendResolver resolver;

    private Backends() {
    }

    /** The JVM-wide resolver (real environment, real probes, real Docker detection). */
    public static synchronized BackendResolver resolver() {
        if (resolver == null) {
            BackendResolver created = BackendResolver.system();
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "dt-backends-shutdown"));
            resolver = created;
        }
        return resolver;
    }

    public static PostgresBackend postgres() {
        return resolver().postgres();
    }

    public static AmqpBackend amqp() {
        return resolver().amqp();
    }

    public static ElasticsearchBackend elasticsearch() {
        return resolver().elasticsearch();
    }
}
