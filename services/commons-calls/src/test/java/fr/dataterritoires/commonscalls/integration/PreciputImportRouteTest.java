package fr.dataterritoires.commonscalls.integration;

import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ImportDirectory;
import fr.dataterritoires.commonscalls.support.ServiceTest;

/**
 * The Camel file drop: a funder's file is levied once however many times it is dropped; a file with a malformed line
 * is refused whole, moved to {@code .error/} with a report naming the line.
 */
@ServiceTest
class PreciputImportRouteTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDroppedFileIsLeviedOnceAndAMalformedOneIsRefusedWhole() throws IOException {
        Api api = new Api(port);
        String programme = api.programme(FUNDER, api.demoFunder(), "0.1");
        String prefix = "IGN-" + Api.unique() + "-";
        String json = "[{\"projectReference\": \"" + prefix + "1\", \"programmeId\": \"" + programme
                + "\", \"projectFunding\": \"5000.00\"}, {\"projectReference\": \"" + prefix + "2\", \"programmeId\": \""
                + programme + "\", \"projectFunding\": \"0.05\"}]";
        Path dir = ImportDirectory.path();

        drop(dir, prefix + "a.json", json);
        await().atMost(Duration.ofSeconds(60)).until(() -> done(dir, prefix + "a.json"));
        // 500.00 and 0.005 → 0.00 (HALF_EVEN): a levy of zero is not written
        assertThat(levies(prefix + "%")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT amount FROM ledger_transaction WHERE project_reference = :r").param("r", prefix + "1")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("500.00");
        assertThat(jdbc.sql("SELECT source FROM ledger_transaction WHERE project_reference = :r").param("r", prefix + "1")
                .query(String.class).single()).isEqualTo("FILE_IMPORT");

        // the same content dropped again, under another name: nothing more is levied
        drop(dir, prefix + "b.json", json);
        await().atMost(Duration.ofSeconds(60)).until(() -> done(dir, prefix + "b.json"));
        assertThat(levies(prefix + "%")).isEqualTo(1);

        String csv = "projectReference,programmeId,projectFunding\n"
                + prefix + "3," + programme + ",700.00\n"
                + prefix + "4," + programme + ",sept cents\n";
        drop(dir, prefix + "c.csv", csv);
        Path report = dir.resolve(".error").resolve(prefix + "c.csv.erreurs.txt");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dir.resolve(".error").resolve(prefix + "c.csv"))
                && Files.exists(report));
        assertThat(Files.readString(report)).contains("ligne 3", "projectFunding").doesNotContain("ligne 2");
        assertThat(levies(prefix + "3")).isZero();
    }

    private static void drop(Path dir, String name, String content) throws IOException {
        // written aside then moved in, as an operator's tool would, so the route never reads half a file
        Path tmp = Files.createTempFile("drop", ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name));
    }

    private static boolean done(Path dir, String name) throws IOException {
        Path done = dir.resolve(".done");
        if (!Files.isDirectory(done)) {
            return false;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(name));
        }
    }

    private long levies(String pattern) {
        return jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE kind = 'LEVY' AND project_reference LIKE :p")
                .param("p", pattern).query(Long.class).single();
    }
}
