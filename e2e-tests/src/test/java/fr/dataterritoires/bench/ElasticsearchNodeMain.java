package fr.dataterritoires.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

import fr.dataterritoires.embedded.elasticsearch.EmbeddedElasticsearch;

/**
 * The embedded Elasticsearch node of libs/embedded in a process of its own, so that its memory is measured apart
 * from the service's and the load generator does not share its heap. Arguments: a work directory and a file into
 * which the node's URL is written once it answers. Stops on SIGTERM.
 */
public final class ElasticsearchNodeMain {

    private ElasticsearchNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: ElasticsearchNodeMain WORK_DIR URL_FILE");
            System.exit(2);
        }
        Path workDir = Path.of(args[0]);
        Path urlFile = Path.of(args[1]);
        EmbeddedElasticsearch node = EmbeddedElasticsearch.start(workDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "bench-es-shutdown"));
        Path tmp = Files.createTempFile(urlFile.toAbsolutePath().getParent(), "es-url", ".tmp");
        Files.writeString(tmp, node.httpUrl(), StandardCharsets.UTF_8);
        Files.move(tmp, urlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        stopped.await();
    }
}
