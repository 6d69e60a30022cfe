package fr.dataterritoires.platform.security.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import fr.dataterritoires.platform.security.ApiAuthorizationRules;
import fr.dataterritoires.platform.security.DtJwtValidators;
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
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The development issuer, active in the {@code local} profile, or in tests that set
 * {@code dataterritoires.security.dev-issuer.enabled=true}: the resource server then trusts the
 * shared development key (and only tokens whose {@code iss} is {@link DevIssuer#ISSUER}), instead
 * of the {@code spring.security.oauth2.resourceserver.jwt.*} issuer. The service refuses to start
 * when it is active in the {@code kubernetes} profile. The demo token endpoint answers only in the
 * {@code local} profile, and only to callers on the same machine.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(NimbusJwtDecoder.class)
@Conditional(OnDevIssuerCondition.class)
@EnableConfigurationProperties({DevIssuerProperties.class, ResourceServerProperties.class})
public class DevIssuerAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevIssuerAutoConfiguration.class);

    static final String DEPLOYED_PROFILE = "kubernetes";
    static final String LOCAL_PROFILE = "local";

    private final Environment environment;

    public DevIssuerAutoConfiguration(Environment environment) {
        // A deployed service trusting a key that every developer has would accept anyone's tokens.
        if (environment.acceptsProfiles(Profiles.of(DEPLOYED_PROFILE))) {
            throw new IllegalStateException("L'émetteur de jetons de développement est activé avec le profil '"
                    + DEPLOYED_PROFILE + "' : démarrage refusé. Retirez " + OnDevIssuerCondition.PROPERTY
                    + "=true et le profil 'local'. / The development token issuer is enabled with the '"
                    + DEPLOYED_PROFILE + "' profile: refusing to start. Remove " + OnDevIssuerCondition.PROPERTY
                    + "=true and the 'local' profile.");
        }
        this.environment = environment;
    }

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
        decoder.setJwtValidator(DtJwtValidators.create(properties, DevIssuer.ISSUER));
        return decoder;
    }

    @Bean
    public DevIssuerController devIssuerController(DevTokenMinter minter, DevIssuerProperties properties) {
        boolean local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
        return new DevIssuerController(minter, properties.isTokenEndpoint() && local);
    }

    @Bean
    public DevAuthorizationEndpoint devAuthorizationEndpoint(DevTokenMinter minter, DevIssuerProperties properties) {
        boolean local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
        return new DevAuthorizationEndpoint(minter, properties.isTokenEndpoint() && local, java.time.Clock.systemUTC());
    }

    @Bean
    public ApiAuthorizationRules devIssuerEndpointsArePublic() {
        return rules -> rules.requestMatchers("/dev-issuer/**").permitAll();
    }
}
