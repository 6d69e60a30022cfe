package fr.dataterritoires.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.platform.security.dev.DevUsers;

/**
 * The bench's own token issuer: an RSA key made for the run, whose public half the service trusts through
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, exactly as it trusts the production
 * issuer's. Tokens are minted with the platform's {@link DevTokenMinter}.
 */
final class BenchIssuer {

    static final String ISSUER = "https://auth.bench.data-territoires.gouv.fr/realms/data-territoires";

    private final RSAKey key;
    private final Path publicKeyPem;

    BenchIssuer(Path directory) throws IOException {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("bench-issuer").generate();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPublicKey().getEncoded());
            Files.createDirectories(directory);
            this.publicKeyPem = directory.resolve("bench-issuer.pem");
            Files.writeString(publicKeyPem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the bench issuer's key", e);
        }
    }

    Path publicKeyPem() {
        return publicKeyPem;
    }

    /** A token of the demo national coordinator, valid for the whole run. */
    String nationalCoordinatorToken() {
        return new DevTokenMinter(key, ISSUER, Clock.systemUTC())
                .mint(DevUsers.demo(Role.NATIONAL_COORDINATOR).withTtl(Duration.ofHours(12)));
    }
}
