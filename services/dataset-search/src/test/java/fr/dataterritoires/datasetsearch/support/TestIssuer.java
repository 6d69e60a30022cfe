package fr.dataterritoires.datasetsearch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.security.dev.DevUsers;

/**
 * A stand-in for the production issuer, made for the test run: the service trusts its public key exactly as it would
 * trust Keycloak's, so tests go through the real resource-server chain.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://auth.test.data-territoires.gouv.fr/realms/data-territoires";
    private static final RSAKey KEY = generate();
    public static final Path PUBLIC_PEM = writePem(KEY);

    private TestIssuer() {
    }

    public static DevTokenMinter minter() {
        return new DevTokenMinter(KEY, ISSUER, Clock.systemUTC());
    }

    /** A token of the demo user holding {@code role} (demo region 84, demo SIRENs of {@link DevUsers}). */
    public static String token(Role role) {
        return minter().mint(DevUsers.demo(role));
    }

    public static String token(DevTokenRequest request) {
        return minter().mint(request);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-issuer").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(RSAKey key) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPublicKey().getEncoded());
            Path file = Files.createTempFile("dt-test-issuer", ".pem");
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
