package fr.dataterritoires.platform.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Keys of a stand-in production issuer (trusted) and of an attacker (foreign), made for the test run.
 * Public for the platform's other test packages (gRPC).
 */
public final class TestKeys {

    public static final String ISSUER = "https://auth.test.data-territoires.gouv.fr/realms/data-territoires";
    static final RSAKey TRUSTED = generate("trusted");
    static final RSAKey FOREIGN = generate("foreign");
    public static final Path TRUSTED_PUBLIC_PEM = writePem(TRUSTED);

    private TestKeys() {
    }

    public static DevTokenMinter trusted() {
        return new DevTokenMinter(TRUSTED, ISSUER, Clock.systemUTC());
    }

    static DevTokenMinter trustedAt(Duration offsetFromNow) {
        return new DevTokenMinter(TRUSTED, ISSUER, Clock.fixed(Instant.now().plus(offsetFromNow), ZoneOffset.UTC));
    }

    public static DevTokenMinter foreignKey() {
        return new DevTokenMinter(FOREIGN, ISSUER, Clock.systemUTC());
    }

    static DevTokenMinter wrongIssuer() {
        return new DevTokenMinter(TRUSTED, "https://evil.example.org/realms/data-territoires", Clock.systemUTC());
    }

    /** A token with exactly these claims, signed with the trusted key (for claims the minter always sets). */
    static String signTrusted(JWTClaimsSet claims) {
        return sign(TRUSTED, claims);
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
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
