package fr.dataterritoires.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * docs/benchmarks.md: one section ({@code ## ...}) per benchmark program. A program replaces its own section and keeps
 * the others; a new document starts with the title.
 */
final class BenchDocument {

    static final String TITLE = "# Benchmarks\n\n"
            + "Each section is written by its benchmark program (`make bench` runs them all); do not edit the figures "
            + "by hand: run the program again. Benchmarks are programs, not timed tests (DESIGN.md §7): no test asserts "
            + "a time.\n\n";

    private BenchDocument() {
    }

    /** {@code existing} with {@code section} (starting with {@code heading}) in place of the previous one, or appended. */
    static String withSection(String existing, String heading, String section) {
        if (existing == null || existing.isBlank()) {
            return TITLE + section;
        }
        int start = existing.indexOf(heading);
        if (start < 0) {
            return existing.stripTrailing() + "\n\n" + section;
        }
        int end = existing.indexOf("\n## ", start + heading.length());
        return existing.substring(0, start) + section + (end < 0 ? "" : "\n" + existing.substring(end + 1));
    }

    /** Writes {@code section} into {@code output} (see {@link #withSection}). */
    static void write(Path output, String heading, String section) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        String existing = Files.isRegularFile(output) ? Files.readString(output, StandardCharsets.UTF_8) : null;
        Files.writeString(output, withSection(existing, heading, section), StandardCharsets.UTF_8);
    }

    /** Writes the section and prints it, as every program ends (its figures, or what it measured before failing). */
    static void publish(Path output, String heading, String section, String program) throws IOException {
        write(output, heading, section);
        System.out.println();
        System.out.println(section);
        System.out.println(program + ": written to " + output);
    }

    /** "Run of …, N s in all." */
    static void runLine(StringBuilder md, ZonedDateTime started, double runSeconds) {
        md.append("Run of ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)))
                .append(String.format(Locale.ROOT, ", %.0f s in all.", runSeconds)).append("\n\n");
    }

    /** Why the run stopped, if it did, then the machine's table. */
    static void failureAndMachine(StringBuilder md, String failure, Map<String, String> machine) {
        if (failure != null) {
            md.append("**The run did not finish:** ").append(failure).append("\n\n");
        }
        md.append("### Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    }
}
