package fr.dataterritoires.testing.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the committed pacts ({@value #COMMITTED}, read by the producers' verifications) equal to what the consumer
 * tests generate, so that a consumer can never change what it expects without the change being committed and
 * verified (docs/adr/0015-contract-tests.md). Register it BEFORE Pact's extension, so that its {@code afterAll} runs
 * after Pact has written the file: {@code @ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})}.
 * <p>
 * A generated pact differing from the committed one fails the class, naming the file; run the consumer's tests with
 * {@code -Dpact.update=true} ({@code make pacts}) to copy the generated pacts over the committed ones, then review and
 * commit them.
 */
public final class CommittedPacts implements BeforeAllCallback, AfterAllCallback {

    /** The committed pacts, from the repository root. */
    public static final String COMMITTED = "libs/contracts/pacts";
    /** Where the consumer tests write, from the module's directory (Pact's {@code pact.rootDir}). */
    public static final String GENERATED = "target/pacts";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CommittedPacts.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // each run writes the pact afresh: a merge with a previous run's file would keep interactions since removed
        System.setProperty("pact.writer.overwrite", "true");
        System.setProperty("pact.rootDir", GENERATED);
        context.getStore(NAMESPACE).put("start", FileTime.fromMillis(System.currentTimeMillis() - 1000));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        FileTime start = context.getStore(NAMESPACE).get("start", FileTime.class);
        Path generated = Path.of(GENERATED).toAbsolutePath();
        Path committed = committedFolder();
        boolean update = Boolean.getBoolean("pact.update");
        List<String> stale = new ArrayList<>();
        List<Path> written = written(generated, start);
        if (written.isEmpty()) {
            throw new AssertionError("no pact written in " + generated + " by " + context.getDisplayName()
                    + ": register CommittedPacts before PactConsumerTestExt");
        }
        for (Path file : written) {
            Path target = committed.resolve(file.getFileName());
            if (update) {
                Files.createDirectories(committed);
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            } else if (!Files.exists(target) || !normalised(file).equals(normalised(target))) {
                stale.add(target + " differs from the generated " + file);
            }
        }
        if (!stale.isEmpty()) {
            throw new AssertionError("The committed pacts are not what the consumer tests generate (run `make pacts`, "
                    + "or these tests with -Dpact.update=true, then review and commit the pacts):\n  "
                    + String.join("\n  ", stale));
        }
    }

    /** The committed pacts folder, found above the module's directory. */
    public static Path committedFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("libs/contracts/pom.xml"))) {
                return dir.resolve(COMMITTED);
            }
        }
        throw new IllegalStateException("libs/contracts not found above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> written(Path folder, FileTime since) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(since) >= 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    private static String normalised(Path file) throws IOException {
        return Files.readString(file).replace("\r\n", "\n").strip();
    }
}
