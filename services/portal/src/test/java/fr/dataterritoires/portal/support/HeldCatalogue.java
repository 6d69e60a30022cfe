package fr.dataterritoires.portal.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A small DCAT catalogue on loopback, declared as a source of the real dataset-search: one dataset without a title, a
 * record dataset-search cannot read, counted as failed with its reason. Nothing of it enters the catalogue, so the
 * other tests of the JVM still see the seeded catalogue alone (they count it). Its answer waits until
 * {@link #release()}, so that a harvest run of it stays in progress for as long as a test looks at it.
 */
public final class HeldCatalogue implements AutoCloseable {

    private final String sourceId;
    private final String name;
    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);

    private HeldCatalogue(String sourceId, String name, HttpServer server) {
        this.sourceId = sourceId;
        this.name = name;
        this.server = server;
    }

    /** Serves the catalogue and declares it to dataset-search (as a national coordinator). */
    public static HeldCatalogue declare(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String sourceId = "essai-moisson-" + unique;
        byte[] turtle = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                <https://donnees.example.fr/%1$s/sans-titre> a dcat:Dataset ;
                    dct:identifier "sans-titre-%1$s" ;
                    dct:description "Inventaire des arbres d'alignement, une fiche à qui il manque son titre."@fr .
                """.formatted(unique).getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            HeldCatalogue catalogue = new HeldCatalogue(sourceId, name + " " + unique, server);
            server.createContext("/catalogue.ttl", exchange -> {
                try {
                    catalogue.released.await(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.getResponseHeaders().add("Content-Type", "text/turtle");
                exchange.sendResponseHeaders(200, turtle.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(turtle);
                }
            });
            server.start();
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", sourceId);
            source.put("name", catalogue.name);
            source.put("kind", "DCAT");
            source.put("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/catalogue.ttl");
            RealDatasetSearch.process().call("POST", "/api/sources", source, 201);
            return catalogue;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String sourceId() {
        return sourceId;
    }

    /** The source's name as declared: the name asked for, made unique. */
    public String name() {
        return name;
    }

    /** Lets the catalogue answer (the run goes on). */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
