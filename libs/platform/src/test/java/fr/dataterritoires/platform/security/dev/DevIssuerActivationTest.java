package fr.dataterritoires.platform.security.dev;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.platform.errors.ErrorsAutoConfiguration;
import fr.dataterritoires.platform.security.JwtDecoderFallbackAutoConfiguration;
import fr.dataterritoires.platform.security.ResourceServerAutoConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.VerifiedTokenCache;
import fr.dataterritoires.platform.security.VerifiedTokenCacheAutoConfiguration;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The development issuer must never switch on by accident: only `local` or an explicit opt-in, and
 * never in `kubernetes`.
 */
class DevIssuerActivationTest {

    @TempDir
    Path keys;

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ErrorsAutoConfiguration.class,
                        ResourceServerAutoConfiguration.class, DevIssuerAutoConfiguration.class,
                        OAuth2ResourceServerAutoConfiguration.class, JwtDecoderFallbackAutoConfiguration.class))
                .withPropertyValues("dataterritoires.security.dev-issuer.key-dir=" + keys);
    }

    @Test
    void activeInLocalProfile() {
        runner().withPropertyValues("spring.profiles.active=local")
                .run(context -> {
                    assertThat(context).hasSingleBean(DevTokenMinter.class);
                    assertThat(context).hasBean("devIssuerJwtDecoder");
                });
    }

    @Test
    void inactiveOtherwiseAndTokensAreThenRefusedWhenNoIssuerIsConfigured() {
        runner().withPropertyValues("spring.profiles.active=kubernetes")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DevTokenMinter.class);
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    assertThatThrownBy(() -> decoder.decode("anything")).isInstanceOf(BadJwtException.class);
                });
    }

    @Test
    void explicitFalseWinsOverLocalProfile() {
        runner().withPropertyValues("spring.profiles.active=local", "dataterritoires.security.dev-issuer.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DevTokenMinter.class));
    }

    @Test
    void enabledWithTheKubernetesProfileRefusesToStart() {
        for (String[] properties : new String[][] {
                {"spring.profiles.active=kubernetes", "dataterritoires.security.dev-issuer.enabled=true"},
                {"spring.profiles.active=local,kubernetes"}}) {
            runner().withPropertyValues(properties)
                    .run(context -> {
                        assertThat(context).hasFailed();
                        Throwable cause = context.getStartupFailure();
                        while (cause.getCause() != null) {
                            cause = cause.getCause();
                        }
                        assertThat(cause).isInstanceOf(IllegalStateException.class)
                                .hasMessageContaining("démarrage refusé")
                                .hasMessageContaining("refusing to start")
                                .hasMessageContaining("kubernetes");
                    });
        }
    }

    @Test
    void standardPropertiesWinWhenDevIssuerIsOff() {
        runner().withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DevTokenMinter.class);
                    assertThat(context).doesNotHaveBean("rejectingJwtDecoder");
                    assertThat(context).hasSingleBean(JwtDecoder.class);
                });
    }

    @Test
    void everyAutoConfigurationIsRegisteredForServices() throws Exception {
        String imports;
        try (var in = getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            imports = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(imports.lines().map(String::trim).toList()).contains(
                ErrorsAutoConfiguration.class.getName(), ResourceServerAutoConfiguration.class.getName(),
                DevIssuerAutoConfiguration.class.getName(), JwtDecoderFallbackAutoConfiguration.class.getName(),
                VerifiedTokenCacheAutoConfiguration.class.getName());
    }

    @Test
    void theServicesDecoderChecksEachTokenOnceAndStillRefusesForgedOnes() {
        runner().withConfiguration(AutoConfigurations.of(VerifiedTokenCacheAutoConfiguration.class))
                .withPropertyValues("spring.profiles.active=local")
                .run(context -> {
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
                    String token = context.getBean(DevTokenMinter.class).mint(DevUsers.demo(Role.AGENT));
                    assertThat(decoder.decode(token).getSubject()).isEqualTo(decoder.decode(token).getSubject());
                    assertThat(((VerifiedTokenCache) decoder).size()).isEqualTo(1);
                    assertThatThrownBy(() -> decoder.decode(token.substring(0, token.length() - 4) + "AAAA"))
                            .isInstanceOf(JwtException.class);
                });
        runner().withConfiguration(AutoConfigurations.of(VerifiedTokenCacheAutoConfiguration.class))
                .withPropertyValues("spring.profiles.active=local", "dataterritoires.security.verified-tokens.enabled=false")
                .run(context -> assertThat(context.getBean(JwtDecoder.class)).isNotInstanceOf(VerifiedTokenCache.class));
    }
}
