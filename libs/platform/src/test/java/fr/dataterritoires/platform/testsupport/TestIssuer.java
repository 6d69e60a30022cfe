package fr.dataterritoires.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.security.dev.DevUsers;

/**
 * A stand-in for the production issuer, made for the test run: a service trusts its public key exactly as it would
 * trust Keycloak's, so tests go through the real resource-server chain. Every module's tests use this one
 * (the platform's own and the services', through the platform's test jar) with {@link TestIssuerInitializer}.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://auth.test.data-territoires.gouv.fr/realms/data-territoires";
    private static final RSAKey KEY = generate("test-issuer");
    public static final Path PUBLIC_PEM = writePem(KEY);

    private TestIssuer() {
    }

    public static DevTokenMinter minter() {
        return minter(Clock.systemUTC());
    }

    /** Tokens issued at another time (expired, not yet valid). */
    public static DevTokenMinter minter(Clock clock) {
        return new DevTokenMinter(KEY, ISSUER, clock);
    }

    /** Tokens signed by the trusted key but naming another issuer. */
    public static DevTokenMinter minterNamingIssuer(String issuer) {
        return new DevTokenMinter(KEY, issuer, Clock.systemUTC());
    }

    /** A token of the demo user holding {@code role} (demo region 84, demo SIRENs of {@link DevUsers}). */
    public static String token(Role role) {
        return minter().mint(DevUsers.demo(role));
    }

    public static String token(DevTokenRequest request) {
        return minter().mint(request);
    }

    /** A token with exactly these claims, signed with the trusted key (for claims the minter always sets). */
    public static String sign(JWTClaimsSet claims) {
        return sign(KEY, claims);
    }

    /** A key the services do not trust, for forged tokens. */
    public static RSAKey foreignKey(String kid) {
        return generate(kid);
    }

    public static String sign(RSAKey key, JWTClaimsSet claims) {
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
