package fr.dataterritoires.testing.backends;

/** Where a backend came from, in the resolution order of DESIGN.md §6. */
public enum BackendSource {
    /** DT_POSTGRES_URL, DT_AMQP_URL or DT_ELASTICSEARCH_URL. */
    EXPLICIT,
    /** A server answering on its default loopback port. */
    LOOPBACK,
    /** A Testcontainers container; only when a Docker engine answers. */
    TESTCONTAINERS,
    /** An in-process engine from libs/embedded. */
    EMBEDDED
}
