package fr.dataterritoires.commonscalls.integration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import fr.dataterritoires.commonscalls.application.ImportFile;
import fr.dataterritoires.commonscalls.application.PreciputImportService;

/**
 * The file drop of funders' project files ({@code dataterritoires.preciput.import-directory}): each {@code .csv} or
 * {@code .json} file is levied through the same import as the REST endpoint (same idempotency, same all-or-nothing
 * rule), then moved to {@code .done/}; a refused file goes to {@code .error/} with a {@code <file>.erreurs.txt} listing
 * its bad lines by number. Off when the property is empty.
 */
@Component
@ConditionalOnExpression("!'${dataterritoires.preciput.import-directory:}'.isBlank()")
public class PreciputImportRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(PreciputImportRoute.class);

    private final PreciputImportService imports;
    private final String directory;
    private final long delay;

    public PreciputImportRoute(PreciputImportService imports,
                               @Value("${dataterritoires.preciput.import-directory}") String directory,
                               @Value("${dataterritoires.preciput.import-poll-delay:5000}") long delay) {
        this.imports = imports;
        this.directory = directory;
        this.delay = delay;
    }

    @Override
    public void configure() {
        // readLock=changed: a file still being written is left until its size stops changing
        from("file:" + directory + "?include=.*\\.(csv|json)&move=.done/${date:now:yyyyMMdd-HHmmss}-${file:name}"
                + "&moveFailed=.error/${file:name}&readLock=changed&readLockCheckInterval=200&readLockMinAge=200"
                + "&delay=" + delay)
                .routeId("preciput-file-import")
                .process(exchange -> {
                    String name = exchange.getIn().getHeader("CamelFileName", String.class);
                    byte[] content = exchange.getIn().getBody(byte[].class);
                    PreciputImportService.Result result = imports.importDroppedFile(name, content);
                    if (result.rejected()) {
                        Path errors = Path.of(directory, ".error", name + ".erreurs.txt");
                        Files.createDirectories(errors.getParent());
                        StringBuilder report = new StringBuilder("Fichier refusé : aucune ligne n'a été prélevée.\n");
                        for (ImportFile.LineError e : result.record().errors()) {
                            report.append(e.line() > 0 ? "ligne " + e.line() : "fichier")
                                    .append(e.field() == null ? "" : " [" + e.field() + "]").append(" : ")
                                    .append(e.message()).append('\n');
                        }
                        Files.writeString(errors, report, StandardCharsets.UTF_8);
                        log.warn("préciput import {} refused: {} bad line(s), see {}", result.record().id(),
                                result.record().errors().size(), errors);
                        throw new RefusedImportException(result.record().id().toString());
                    }
                    log.info("préciput import {} of a dropped file: {} levied, {} already levied{}",
                            result.record().id(), result.record().levied(), result.record().duplicates(),
                            result.alreadyImported() ? " (file already imported)" : "");
                });
    }

    /** Moves the refused file to {@code .error/} (Camel's moveFailed) once its report is written. */
    static final class RefusedImportException extends RuntimeException {
        RefusedImportException(String importId) {
            super("préciput import " + importId + " refused");
        }
    }
}
