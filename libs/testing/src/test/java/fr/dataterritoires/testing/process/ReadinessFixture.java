package fr.dataterritoires.testing.process;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service for {@link ServiceProcessTest}, run in a JVM of its own: answers 503 on
 * {@code /actuator/health/readiness} for its first half-second, then 200, and {@code /pid} with its process id.
 * {@code --fail-at-start} makes it print a reason and exit 3 instead.
 */
public final class ReadinessFixture {

    private ReadinessFixture() {
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        for (String arg : args) {
            if (arg.equals("--fail-at-start")) {
                System.out.println("fixture: refusing to start (configuration manquante)");
                System.exit(3);
            }
            if (arg.startsWith("--server.port=")) {
                port = Integer.parseInt(arg.substring("--server.port=".length()));
            }
        }
        long readyAt = System.nanoTime() + 500_000_000L;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            boolean ready = System.nanoTime() >= readyAt;
            byte[] body = (ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/pid", exchange -> {
            byte[] body = String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        // a graceful stop (SIGTERM) runs it; SIGKILL does not
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fixture: stopping")));
        System.out.println("fixture: listening on " + port);
    }
}
