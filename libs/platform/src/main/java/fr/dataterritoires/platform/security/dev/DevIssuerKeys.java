package fr.dataterritoires.platform.security.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The development issuer's RSA signing key, shared by every local process (services, the token
 * CLI) through one JWK file. The first process creates it under an exclusive file lock and
 * publishes it with an atomic rename, so concurrent starters all end up with the same key and a
 * reader never sees a half-written file.
 */
public final class DevIssuerKeys {

    public static final String KEY_FILE = "signing-key.jwk.json";
    /** Overrides the key directory for every process (services and CLI). */
    public static final String DIR_ENV = "DT_DEV_ISSUER_DIR";
    public static final String DIR_PROPERTY = "dt.dev-issuer.dir";

    private DevIssuerKeys() {
    }

    /**
     * {@code $DT_DEV_ISSUER_DIR}, else {@code -Ddt.dev-issuer.dir}, else {@code .dt-local/dev-issuer}
     * under the project root (the nearest ancestor of the working directory holding {@code mvnw}),
     * so that a service started from its module directory shares the CLI's key.
     */
    public static Path defaultDirectory() {
        String configured = System.getenv(DIR_ENV);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(DIR_PROPERTY);
        }
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".dt-local")) || Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolve(".dt-local").resolve("dev-issuer");
            }
        }
        return cwd.resolve(".dt-local").resolve("dev-issuer");
    }

    /** Loads the key of {@code directory}, creating it first if no process has yet. */
    public static RSAKey loadOrCreate(Path directory) {
        Path keyFile = directory.resolve(KEY_FILE);
        synchronized (DevIssuerKeys.class) { // file locks exclude other processes, not other threads
            try {
                if (Files.isRegularFile(keyFile)) {
                    return read(keyFile);
                }
                Files.createDirectories(directory);
                try (FileChannel lockChannel = FileChannel.open(directory.resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockChannel.lock()) {
                    if (Files.isRegularFile(keyFile)) {
                        return read(keyFile); // another process won the race
                    }
                    RSAKey key = new RSAKeyGenerator(2048)
                            .keyID(UUID.randomUUID().toString())
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.RS256)
                            .generate();
                    Path temp = Files.createTempFile(directory, "signing-key", ".tmp");
                    restrictToOwner(temp);
                    Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
                    try {
                        Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, keyFile, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return key;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load or create the dev issuer key in " + directory, e);
            } catch (JOSEException | ParseException e) {
                throw new IllegalStateException("Unusable dev issuer key in " + keyFile
                        + " (delete it to have a new one generated)", e);
            }
        }
    }

    private static RSAKey read(Path keyFile) throws IOException, ParseException {
        return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the directory is the developer's own anyway.
        }
    }
}
