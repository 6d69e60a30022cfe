package fr.dataterritoires.testing.backends;

import java.util.Optional;

/**
 * Checks whether a real server answers on a loopback port: not just an open socket, but a
 * PostgreSQL login, an AMQP handshake, or Elasticsearch's JSON on {@code GET /}. Injected into
 * {@link BackendResolver} so tests can force each resolution path.
 */
public interface LoopbackProber {

    /** True when logging in to database {@code postgres} with these credentials works. */
    boolean postgres(String host, int port, String username, String password);

    /** True when an AMQP 0-9-1 connection (handshake + login + virtual host) opens. */
    boolean amqp(String host, int port, String username, String password, String virtualHost);

    /** The server's version when {@code GET baseUrl/} answers Elasticsearch's JSON, else empty. */
    Optional<String> elasticsearch(String baseUrl);

    /** The real probes, with short timeouts. */
    static LoopbackProber real() {
        return new RealLoopbackProber();
    }

    /** A prober for which nothing ever answers: forces Testcontainers or embedded. */
    static LoopbackProber nothingAnswers() {
        return new LoopbackProber() {
            @Override
            public boolean postgres(String host, int port, String username, String password) {
                return false;
            }

            @Override
            public boolean amqp(String host, int port, String username, String password, String virtualHost) {
                return false;
            }

            @Override
            public Optional<String> elasticsearch(String baseUrl) {
                return Optional.empty();
            }
        };
    }
}
