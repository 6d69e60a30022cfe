package fr.dataterritoires.platform.security.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import fr.dataterritoires.platform.security.ApiAuthorizationRules;
import fr.dataterritoires.platform.security.ResourceServerProperties;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The development issuer, active only in the {@code local} profile or when
 * {@code dataterritoires.security.dev-issuer.enabled=true}: the resource server then trusts the
 * shared development key (and only tokens whose {@code iss} is {@link DevIssuer#ISSUER}), instead
 * of the {@code spring.security.oauth2.resourceserver.jwt.*} issuer.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(NimbusJwtDecoder.class)
@Conditional(OnDevIssuerCondition.class)
@EnableConfigurationProperties({DevIssuerProperties.class, ResourceServerProperties.class})
public class DevIssuerAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevIssuerAutoConfiguration.class);

    @Bean
    public DevTokenMinter devTokenMinter(DevIssuerProperties properties) {
        Path dir = properties.getKeyDir() != null && !properties.getKeyDir().isBlank()
                ? Paths.get(properties.getKeyDir()).toAbsolutePath() : DevIssuerKeys.defaultDirectory();
        RSAKey key = DevIssuerKeys.loadOrCreate(dir);
        log.warn("Development token issuer ACTIVE (issuer {}, key {} from {}): never enable it in production",
                DevIssuer.ISSUER, key.getKeyID(), dir);
        return new DevTokenMinter(key);
    }

    @Bean
    public JwtDecoder devIssuerJwtDecoder(DevTokenMinter minter, ResourceServerProperties properties)
            throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(minter.publicKey().toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.getClockSkew()),
                new JwtIssuerValidator(DevIssuer.ISSUER)));
        return decoder;
    }

    @Bean
    public DevIssuerController devIssuerController(DevTokenMinter minter, DevIssuerProperties properties) {
        return new DevIssuerController(minter, properties.isTokenEndpoint());
    }

    @Bean
    public ApiAuthorizationRules devIssuerEndpointsArePublic() {
        return rules -> rules.requestMatchers("/dev-issuer/**").permitAll();
    }
}
