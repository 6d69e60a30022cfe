package fr.dataterritoires.testing.backends;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A resolved AMQP 0-9-1 broker, whatever its source. */
record AmqpBroker(BackendSource source, String host, int port, String username, String password,
                  String virtualHost, String uri) implements AmqpBackend {

    static AmqpBroker of(BackendSource source, String host, int port, String username, String password,
                         String virtualHost) {
        return new AmqpBroker(source, host, port, username, password, virtualHost,
                uri(host, port, username, password, virtualHost));
    }

    /**
     * The default virtual host "/" is written as no path at all: every client reads that as "/",
     * while Spring Boot's {@code spring.rabbitmq.addresses} would take a "/%2F" path literally.
     */
    static String uri(String host, int port, String username, String password, String virtualHost) {
        String base = "amqp://" + enc(username) + ":" + enc(password) + "@" + host + ":" + port;
        return "/".equals(virtualHost) ? base : base + "/" + enc(virtualHost);
    }

    /**
     * Parses {@code amqp://user:password@host:port/vhost} as RabbitMQ clients do: no path means
     * the virtual host "/", the path is URL-decoded (so "%2F" is "/").
     */
    static AmqpBroker parse(BackendSource source, String text) {
        URI uri = URI.create(text);
        String scheme = uri.getScheme();
        if (!"amqp".equals(scheme) && !"amqps".equals(scheme)) {
            throw new IllegalArgumentException("DT_AMQP_URL must start with amqp:// or amqps://: " + Redaction.redact(text));
        }
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : ("amqps".equals(scheme) ? 5671 : 5672);
        String username = "guest";
        String password = "guest";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = dec(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : dec(userInfo.substring(colon + 1));
        }
        String rawPath = uri.getRawPath();
        String virtualHost = rawPath == null || rawPath.isEmpty() || rawPath.equals("/") ? "/" : dec(rawPath.substring(1));
        // Written back canonically: the same broker, in the form clients and Spring Boot agree on.
        return of(source, host, port, username, password, virtualHost);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AMQP " + source + " " + Redaction.redact(uri);
    }
}
