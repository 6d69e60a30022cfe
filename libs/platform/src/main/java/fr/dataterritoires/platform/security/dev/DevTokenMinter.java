package fr.dataterritoires.platform.security.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.dataterritoires.platform.security.DtClaims;
import fr.dataterritoires.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints RS256 tokens shaped like Keycloak's (flat {@code roles}, {@code region}, {@code ministry},
 * {@code siren}) with the development key. Plain Java: used by the resource server in
 * {@code local}, by tests and by {@link DevTokenCli}.
 */
public class DevTokenMinter {

    private final RSAKey key;
    private final String issuer;
    private final Clock clock;

    public DevTokenMinter(RSAKey key) {
        this(key, DevIssuer.ISSUER, Clock.systemUTC());
    }

    /** With another issuer or clock: for tests (foreign issuer, expired tokens). */
    public DevTokenMinter(RSAKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    public String mint(DevTokenRequest request) {
        return sign(claims(request).build());
    }

    /**
     * An OpenID Connect ID token for the same user: the access token's claims plus the client as audience and the
     * nonce the client sent (development authorization endpoint, {@link DevAuthorizationEndpoint}).
     */
    public String mintIdToken(DevTokenRequest request, String audience, String nonce) {
        JWTClaimsSet.Builder claims = claims(request).audience(audience)
                .claim("auth_time", Date.from(clock.instant()).getTime() / 1000);
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return sign(claims.build());
    }

    private JWTClaimsSet.Builder claims(DevTokenRequest request) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(request.subject())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(request.ttl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(DtClaims.ROLES, request.roles().stream().map(Role::name).sorted().toList());
        if (request.name() != null) {
            claims.claim(DtClaims.NAME, request.name()).claim(DtClaims.PREFERRED_USERNAME, request.subject());
        }
        if (request.region() != null) {
            claims.claim(DtClaims.REGION, request.region());
        }
        if (request.ministry() != null) {
            claims.claim(DtClaims.MINISTRY, request.ministry());
        }
        if (request.siren() != null) {
            claims.claim(DtClaims.SIREN, request.siren());
        }
        return claims;
    }

    private String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
        return jwt.serialize();
    }

    /** A token for the demo user of this role. */
    public String mintFor(Role role) {
        return mint(DevUsers.demo(role));
    }

    public RSAKey publicKey() {
        return key.toPublicJWK();
    }
}
