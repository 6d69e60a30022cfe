package fr.dataterritoires.commonscalls.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A fresh directory for the préciput import route's file drop, one per test JVM. */
public final class ImportDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static Path directory;

    public static synchronized Path path() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("preciput-imports");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("preciput-import-directory",
                Map.of("dataterritoires.preciput.import-directory", path().toString(),
                        "dataterritoires.preciput.import-poll-delay", "200")));
    }
}
