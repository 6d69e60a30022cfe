package fr.dataterritoires.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.TestIssuer;

/** The cache in front of a real Nimbus decoder (RS256 signatures, timestamps on a clock the test moves). */
class VerifiedTokenCacheTest {

    private final Instant start = Instant.now();
    private final MovingClock clock = new MovingClock(start);
    private final AtomicInteger verifications = new AtomicInteger();
    private JwtDecoder checked;

    @BeforeEach
    void realDecoder() throws JOSEException {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(TestIssuer.minter().publicKey().toRSAPublicKey())
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        checked = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    @Test
    void aTokenIsVerifiedOnceThenReusedWithTheSameClaims() {
        VerifiedTokenCache cache = new VerifiedTokenCache(checked, 100, Duration.ofMinutes(5), clock);
        String token = TestIssuer.minter(clock).mint(DevUsers.demo(Role.FUNDER));

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(second.getClaims()).isEqualTo(first.getClaims());
        assertThat(second.getSubject()).isEqualTo(DevUsers.demo(Role.FUNDER).subject());
    }

    @Test
    void aRefusedTokenIsCheckedAgainEveryTimeAndNeverKept() {
        VerifiedTokenCache cache = new VerifiedTokenCache(checked, 100, Duration.ofMinutes(5), clock);
        String forged = TestIssuer.sign(TestIssuer.foreignKey("intruder"), new JWTClaimsSet.Builder()
                .subject("intruder").issuer(TestIssuer.ISSUER)
                .expirationTime(java.util.Date.from(start.plusSeconds(600))).build());

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenIsNeverAcceptedFromTheCachePastItsExpiry() {
        VerifiedTokenCache cache = new VerifiedTokenCache(checked, 100, Duration.ofHours(1), clock);
        String token = TestIssuer.minter(clock).mint(DevUsers.demo(Role.AGENT).withTtl(Duration.ofMinutes(2)));
        cache.decode(token);

        clock.advance(Duration.ofMinutes(3));

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aStillValidTokenIsVerifiedAgainAfterTheMaximumAge() {
        VerifiedTokenCache cache = new VerifiedTokenCache(checked, 100, Duration.ofMinutes(5), clock);
        String token = TestIssuer.minter(clock).mint(DevUsers.demo(Role.AGENT));
        cache.decode(token);

        clock.advance(Duration.ofMinutes(4));
        cache.decode(token);
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofMinutes(2));
        cache.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void theCacheStaysWithinItsBound() {
        VerifiedTokenCache cache = new VerifiedTokenCache(checked, 2, Duration.ofMinutes(5), clock);
        for (Role role : new Role[] {Role.AGENT, Role.FUNDER, Role.APPLICANT, Role.EVALUATOR}) {
            cache.decode(TestIssuer.minter(clock).mint(DevUsers.demo(role)));
            assertThat(cache.size()).isBetween(1, 2);
        }
        assertThat(verifications).hasValue(4);
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
