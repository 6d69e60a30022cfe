package fr.dataterritoires.testing.local;

import fr.dataterritoires.testing.backends.BackendResolver;
import fr.dataterritoires.testing.backends.LoopbackProber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalBackendsTest {

    @Test
    void resolvesTheThreeBackendsIntoDtVariables() {
        Map<String, String> env = Map.of(
                "DT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "DT_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/%2F",
                "DT_ELASTICSEARCH_URL", "http://127.0.0.1:9200");
        try (BackendResolver resolver = new BackendResolver(env::get, LoopbackProber.nothingAnswers(), () -> false)) {
            Map<String, String> v = LocalBackends.resolve(resolver);
            assertThat(v).containsEntry("DT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")
                    .containsEntry("DT_POSTGRES_USER", "postgres")
                    .containsEntry("DT_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672")
                    .containsEntry("DT_ELASTICSEARCH_URL", "http://127.0.0.1:9200")
                    .containsEntry("DT_ELASTICSEARCH_SOURCE", "EXPLICIT");
        }
    }

    @Test
    void envFileIsShellQuoted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/backends.env");
        LocalBackends.writeEnvFile(file, Map.of("DT_POSTGRES_PASSWORD", "it's"));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).contains("DT_POSTGRES_PASSWORD='it'\\''s'");
        Process sh = new ProcessBuilder("bash", "-c", ". '" + file + "' && printf %s \"$DT_POSTGRES_PASSWORD\"").start();
        assertThat(new String(sh.getInputStream().readAllBytes())).isEqualTo("it's");
        assertThat(sh.waitFor()).isZero();
    }

    @Test
    void launcherLoggingConfigurationShipsWithTheLauncher() {
        assertThat(LocalBackends.class.getClassLoader().getResource(LocalBackends.LOGBACK_CONFIGURATION)).isNotNull();
    }
}
