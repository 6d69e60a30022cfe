package fr.dataterritoires.testing.backends;

import java.util.Objects;

/**
 * What the resolver decided for one backend, before anything is started: where it comes from,
 * what it points at, and why. Deciding is separate from starting so that tests can check the
 * decision (e.g. Testcontainers when Docker answers) without a Docker engine.
 *
 * @param backend  "PostgreSQL", "AMQP" or "Elasticsearch"
 * @param source   the step of DESIGN.md §6 that won
 * @param target   URL, host:port, container image or engine name
 * @param detail   why this step was taken, for the log line
 * @param username credentials that worked on the loopback probe, or from the explicit URL (may be null)
 * @param password idem (may be null; never logged)
 */
public record BackendPlan(String backend, BackendSource source, String target, String detail,
                          String username, String password) {

    public BackendPlan {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    static BackendPlan of(String backend, BackendSource source, String target, String detail) {
        return new BackendPlan(backend, source, target, detail, null, null);
    }

    @Override
    public String toString() {
        return backend + ": " + source + " " + Redaction.redact(target) + " (" + detail + ")";
    }
}
