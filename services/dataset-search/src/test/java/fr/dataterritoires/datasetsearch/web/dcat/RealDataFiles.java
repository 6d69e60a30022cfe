package fr.dataterritoires.datasetsearch.web.dcat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real-world inputs are ({@code ../shared/data/real} next to the repository): {@code -Ddt.real-data} or
 * {@code DT_REAL_DATA} when set, else the first {@code shared/data/real} found beside the working directory or one
 * of its parents, else the shared location of this kind of machine.
 */
public final class RealDataFiles {

    private RealDataFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("dt.real-data", System.getenv("DT_REAL_DATA"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/real");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/data/real");
    }

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Real data file missing: " + file);
        }
        return file;
    }
}
