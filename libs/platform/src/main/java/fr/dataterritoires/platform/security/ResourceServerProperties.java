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

    /** Extra paths open to anonymous requests (Ant-style patterns, any method). */
    private List<String> publicPaths = new ArrayList<>();

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

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }
}
