package fr.dataterritoires.testing.local;

import fr.dataterritoires.testing.backends.AmqpBackend;
import fr.dataterritoires.testing.backends.BackendResolver;
import fr.dataterritoires.testing.backends.ElasticsearchBackend;
import fr.dataterritoires.testing.backends.PostgresBackend;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The backends of {@code make run}, run by {@link LocalSuite} as a process of their own: resolves PostgreSQL, the
 * AMQP broker and Elasticsearch in the order of DESIGN.md §6 (a machine with nothing installed gets the
 * embedded engines), prints where they are, and keeps them up until Ctrl-C or SIGTERM. Also usable alone.
 *
 * <p>Options: {@code --env-file=PATH} also writes {@code DT_*} variables there (shell syntax,
 * written once every backend is up), for scripts that start services afterwards.
 */
public final class LocalBackends {

    private LocalBackends() {
    }

    static final String LOGBACK_CONFIGURATION = "fr/dataterritoires/testing/local/logback-local.xml";

    /** Lucene logs its vectorization notice through java.util.logging; held so the level sticks. */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) throws Exception {
        // Before anything logs: the launcher's own quiet configuration, unless one is given.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
        Path envFile = null;
        for (String arg : args) {
            if (arg.startsWith("--env-file=")) {
                envFile = Path.of(arg.substring("--env-file=".length()));
            } else {
                System.err.println("Unknown option " + arg + " (expected --env-file=PATH)");
                System.exit(2);
            }
        }

        BackendResolver resolver = BackendResolver.system();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping local backends...");
            resolver.close();
            stopped.countDown();
        }, "dt-local-backends-shutdown"));

        Map<String, String> variables;
        try {
            variables = resolve(resolver);
        } catch (RuntimeException e) {
            System.err.println("Local backends could not start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        print(variables, System.out);
        if (envFile != null) {
            writeEnvFile(envFile, variables);
        }
        System.out.println("Local backends are up. Press Ctrl-C to stop them.");
        stopped.await();
    }

    static Map<String, String> resolve(BackendResolver resolver) {
        PostgresBackend postgres = resolver.postgres();
        AmqpBackend amqp = resolver.amqp();
        ElasticsearchBackend elasticsearch = resolver.elasticsearch();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("DT_POSTGRES_URL", postgres.jdbcUrl());
        v.put("DT_POSTGRES_USER", postgres.username());
        v.put("DT_POSTGRES_PASSWORD", postgres.password() == null ? "" : postgres.password());
        v.put("DT_POSTGRES_SOURCE", postgres.source().name());
        v.put("DT_AMQP_URL", amqp.uri());
        v.put("DT_AMQP_SOURCE", amqp.source().name());
        v.put("DT_ELASTICSEARCH_URL", elasticsearch.url());
        v.put("DT_ELASTICSEARCH_SOURCE", elasticsearch.source().name());
        return v;
    }

    private static void print(Map<String, String> v, PrintStream out) {
        out.println();
        out.println("  PostgreSQL     " + v.get("DT_POSTGRES_URL") + "  (user " + v.get("DT_POSTGRES_USER")
                + ", " + v.get("DT_POSTGRES_SOURCE") + ")");
        out.println("  AMQP broker    " + v.get("DT_AMQP_URL").replaceAll("(://[^:/@]+:)[^@/]*@", "$1***@")
                + "  (" + v.get("DT_AMQP_SOURCE") + ")");
        out.println("  Elasticsearch  " + v.get("DT_ELASTICSEARCH_URL") + "  (" + v.get("DT_ELASTICSEARCH_SOURCE") + ")");
        out.println();
    }

    static void writeEnvFile(Path envFile, Map<String, String> v) throws IOException {
        StringBuilder text = new StringBuilder("# Written by LocalBackends; removed when it stops.\n");
        v.forEach((name, value) -> text.append(name).append("='").append(value.replace("'", "'\\''")).append("'\n"));
        Path parent = envFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "backends", ".tmp");
        Files.writeString(tmp, text);
        // Atomic, so a script polling for the file never reads half of it.
        Files.move(tmp, envFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        envFile.toFile().deleteOnExit();
    }
}
