package fr.dataterritoires.e2e.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The count lines of the security suites (requests sent, 2xx, 4xx, 5xx, unauthorized successes). Surefire sends a
 * test's standard output to {@code target/surefire-reports/*-output.txt}, so each line is also written to
 * {@link #DIRECTORY}, one file per suite, and the e2e-tests build prints that folder on the console once its tests
 * have run ({@code print-security-counts} in the pom), in {@code make test} as in {@code make e2e}.
 */
public final class SecurityCounts {

    /** Cleared before the tests run by the pom's {@code clear-security-counts} execution. */
    public static final Path DIRECTORY = Path.of("target", "security-counts");

    private SecurityCounts() {
    }

    /** Prints the line and writes it, in place of what an earlier run of the same suite wrote, to its file. */
    public static void report(String suite, String line) {
        System.out.println(line);
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(suite + ".txt"), line + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the counts of " + suite + " in " + DIRECTORY, e);
        }
    }
}
