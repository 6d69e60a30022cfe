package fr.dataterritoires.platform.web;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The platform's security tests' view of {@link TestIssuer} (the trusted stand-in issuer every module's tests use),
 * plus an attacker's key. Public for the platform's other test packages (gRPC).
 */
public final class TestKeys {

    public static final String ISSUER = TestIssuer.ISSUER;
    static final RSAKey FOREIGN = TestIssuer.foreignKey("foreign");
    public static final Path TRUSTED_PUBLIC_PEM = TestIssuer.PUBLIC_PEM;

    private TestKeys() {
    }

    public static DevTokenMinter trusted() {
        return TestIssuer.minter();
    }

    static DevTokenMinter trustedAt(Duration offsetFromNow) {
        return TestIssuer.minter(Clock.fixed(Instant.now().plus(offsetFromNow), ZoneOffset.UTC));
    }

    public static DevTokenMinter foreignKey() {
        return new DevTokenMinter(FOREIGN, ISSUER, Clock.systemUTC());
    }

    static DevTokenMinter wrongIssuer() {
        return TestIssuer.minterNamingIssuer("https://evil.example.org/realms/data-territoires");
    }

    /** A token with exactly these claims, signed with the trusted key (for claims the minter always sets). */
    static String signTrusted(JWTClaimsSet claims) {
        return TestIssuer.sign(claims);
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        return TestIssuer.sign(key, claims);
    }
}
