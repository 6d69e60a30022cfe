package fr.dataterritoires.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dataterritoires.security.*}. Keys and issuer themselves are configured with the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties (issuer-uri, jwk-set-uri or
 * public-key-location).
 */
@ConfigurationProperties("dataterritoires.security")
public class ResourceServerProperties {

    /** Tolerance on {@code exp} and {@code nbf} for clocks that drift apart. */
    private Duration clockSkew = Duration.ofSeconds(30);

    /**
     * Expected {@code iss} of tokens. Defaults to {@code spring.security.oauth2.resourceserver.jwt.issuer-uri};
     * set it when the key comes from {@code public-key-location} (Boot checks no issuer then, and
     * setting issuer-uri would make it use discovery instead of the key file).
     */
    private String issuer;

    /**
     * Accepted audiences: when set, a token's {@code aud} must contain at least one of them; when
     * empty, {@code aud} is not checked. Keycloak puts a client in {@code aud} only through an
     * "Audience" protocol mapper on the client scope of the calling clients: add one per service
     * audience before setting this, or every token is refused. Development tokens carry no
     * {@code aud}: leave it unset in the {@code local} profile.
     */
    private List<String> audience = new ArrayList<>();

    /** Extra paths open to anonymous requests (Ant-style patterns, any method). */
    private List<String> publicPaths = new ArrayList<>();

    private final DefaultChain defaultChain = new DefaultChain();

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public List<String> getAudience() {
        return audience;
    }

    public void setAudience(List<String> audience) {
        this.audience = audience;
    }

    public DefaultChain getDefaultChain() {
        return defaultChain;
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    /** {@code dataterritoires.security.default-chain.*}: the platform's catch-all filter chain. */
    public static class DefaultChain {

        /**
         * Whether the platform registers its deny-by-default chain as the last, catch-all chain.
         * Turn it off only to replace it: the service must then declare a chain without
         * {@code securityMatcher}, or it does not start.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
