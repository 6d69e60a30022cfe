package fr.dataterritoires.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * When no issuer is configured (no {@code spring.security.oauth2.resourceserver.jwt.*}, no dev
 * issuer), every token is refused: the service starts, stays closed (401 everywhere but the
 * public paths), and says why in its log.
 */
@AutoConfiguration(after = {OAuth2ResourceServerAutoConfiguration.class,
        fr.dataterritoires.platform.security.dev.DevIssuerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JwtDecoder.class)
public class JwtDecoderFallbackAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtDecoderFallbackAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public JwtDecoder rejectingJwtDecoder() {
        log.warn("No token issuer configured (spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or "
                + "public-key-location, or the dev issuer of the 'local' profile): every token will be refused.");
        return token -> {
            throw new BadJwtException("No trusted issuer configured");
        };
    }
}
