package fr.dataterritoires.embedded.elasticsearch;

import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.NodeValidationException;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A single Elasticsearch 9 node running inside this JVM, for tests and local runs only (never in production
 * artifacts). It listens on 127.0.0.1 on a random HTTP port and carries the project's {@link FrenchAnalysisPlugin},
 * so the shared French index settings work here as on a real cluster.
 *
 * <p>Why it is started this way (established on Elasticsearch 9.5.3 with JDK 25, running as root):
 * <ul>
 *   <li>Only the server jar and {@code transport-netty4} are on Maven Central: there is no distribution, so no
 *       {@code modules/} directory, no launcher, no jvm.options. The node is built with the public
 *       {@code Node(Environment, PluginsLoader)} constructor and the plugins come from the class path through
 *       {@link ClasspathPluginsLoader} (Netty4 for HTTP and transport, {@link RootInfoPlugin} for {@code GET /},
 *       {@link FrenchAnalysisPlugin} for analysis).</li>
 *   <li>Bootstrap checks, the entitlement agent and the root check live in the launcher ({@code Elasticsearch#main}),
 *       not in {@code Node}: an in-JVM node skips them, so it runs as root with no special JVM option. JDK 21+ is
 *       required because the server classes are compiled for it.</li>
 *   <li>{@code path.home} must be set (also as the {@code es.path.home} system property, read by some components);
 *       a throw-away home under {@code workDir} holds {@code config/}, {@code data/}, {@code logs/}. The
 *       {@code config/} directory is also where {@code synonyms_path} and other {@code *_path} settings resolve.</li>
 *   <li>{@link LogConfigurator#configureESLogging()} must run before anything logs: it installs Elasticsearch's
 *       logger factory over log4j-api, which in a Spring Boot application goes to Logback through log4j-to-slf4j.</li>
 *   <li>{@code es.set.netty.runtime.available.processors=false}: otherwise Netty4 tries to set Netty's global
 *       processor count and fails when another Netty user (gRPC, a second node) set it first.</li>
 *   <li>Several nodes may run in one JVM, one after the other (test classes) or side by side: the node
 *       subclass skips {@code configureNodeAndClusterIdStateListener}, which stores the ids for log patterns in a
 *       JVM-wide set-once holder; a second node otherwise breaks its cluster applier thread and never elects
 *       itself master (requests then answer 503). Elasticsearch's own {@code MockNode} does the same.</li>
 *   <li>Warnings at start that are expected: no {@code jdk.incubator.vector} module (slower vector search only) and
 *       no native library ({@code libzstd}, from the distribution's {@code lib/platform}): native methods are
 *       disabled, which the node tolerates.</li>
 *   <li>{@code discovery.type=single-node} and a loopback {@code network.host} keep the node in development mode;
 *       the disk threshold is disabled so that a nearly full disk does not make shards unassignable. No
 *       {@code xpack.*} setting: x-pack is absent and its settings are unknown here.</li>
 * </ul>
 * Create indices with {@code number_of_replicas: 0}: there is a single node.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    private final Node node;
    private final int httpPort;
    private final String httpUrl;

    private EmbeddedElasticsearch(Node node, int httpPort) {
        this.node = node;
        this.httpPort = httpPort;
        this.httpUrl = "http://127.0.0.1:" + httpPort;
    }

    /**
     * Starts a node whose files live under {@code workDir} (created if needed). Blocks until HTTP answers.
     *
     * @throws IllegalStateException if the node cannot start
     */
    public static EmbeddedElasticsearch start(Path workDir) {
        try {
            Path home = Files.createDirectories(workDir.toAbsolutePath().normalize().resolve("es-home-" + UUID.randomUUID()));
            Path config = Files.createDirectories(home.resolve("config"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("logs"));
            Files.createDirectories(home.resolve("plugins"));
            Files.createDirectories(home.resolve("modules"));

            System.setProperty("es.path.home", home.toString());
            if (System.getProperty("es.set.netty.runtime.available.processors") == null) {
                System.setProperty("es.set.netty.runtime.available.processors", "false");
            }
            LogConfigurator.configureESLogging();

            Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "data-territoires-embedded")
                .put("node.name", "embedded-" + home.getFileName().toString().substring("es-home-".length(), "es-home-".length() + 8))
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
            Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> "embedded");

            Map<String, Class<? extends Plugin>> plugins = new LinkedHashMap<>();
            plugins.put("transport-netty4", Netty4Plugin.class);
            plugins.put("data-territoires-root", RootInfoPlugin.class);
            plugins.put("data-territoires-french-analysis", FrenchAnalysisPlugin.class);
            PluginsLoader pluginsLoader = ClasspathPluginsLoader.create(home.resolve("classpath-plugins"), plugins);

            Node node = new EmbeddedNode(environment, pluginsLoader);
            try {
                node.start();
            } catch (NodeValidationException | RuntimeException e) {
                closeQuietly(node);
                throw e;
            }
            InetSocketAddress address = node.injector()
                .getInstance(HttpServerTransport.class)
                .boundAddress()
                .publishAddress()
                .address();
            EmbeddedElasticsearch embedded = new EmbeddedElasticsearch(node, address.getPort());
            log.info("Embedded Elasticsearch node started at {} (home {})", embedded.httpUrl, home);
            return embedded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded Elasticsearch home under " + workDir, e);
        } catch (NodeValidationException e) {
            throw new IllegalStateException("The embedded Elasticsearch node failed validation", e);
        }
    }

    /** The base URL of the HTTP API, e.g. {@code http://127.0.0.1:41234}. */
    public String httpUrl() {
        return httpUrl;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Stops the node and waits for it to release its ports and files. */
    @Override
    public void close() {
        closeQuietly(node);
        log.info("Embedded Elasticsearch node at {} stopped", httpUrl);
    }

    /** A node that leaves JVM-wide logging state alone, so that several nodes can live in one JVM. */
    private static final class EmbeddedNode extends Node {

        EmbeddedNode(Environment environment, PluginsLoader pluginsLoader) {
            super(environment, pluginsLoader);
        }

        @Override
        protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
            // only feeds node and cluster ids to log4j patterns, through a static set-once holder
        }
    }

    private static void closeQuietly(Node node) {
        try {
            node.close();
            if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                log.warn("Embedded Elasticsearch node did not stop within 30 s");
            }
        } catch (IOException e) {
            log.warn("Error while stopping the embedded Elasticsearch node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
