package fr.dataterritoires.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.platform.errors.ErrorsAutoConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/** Declaring a chain never removes the platform's catch-all one; replacing it takes an explicit opt-out. */
class DefaultChainTest {

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ErrorsAutoConfiguration.class,
                        ResourceServerAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
                        JwtDecoderFallbackAutoConfiguration.class))
                .withPropertyValues("dataterritoires.security.dev-issuer.enabled=false");
    }

    @Configuration(proxyBeanMethods = false)
    static class NarrowChain {
        @Bean
        SecurityFilterChain narrowChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/login/**", "/oauth2/**")
                    .authorizeHttpRequests(rules -> rules.anyRequest().permitAll()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CatchAllChain {
        @Bean
        SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(rules -> rules.anyRequest().authenticated()).build();
        }
    }

    @Test
    void theServiceChainGoesFirstAndThePlatformChainCatchesTheRest() {
        runner().withUserConfiguration(NarrowChain.class).run(context -> {
            assertThat(context).hasNotFailed();
            List<SecurityFilterChain> chains = context.getBean(FilterChainProxy.class).getFilterChains();
            assertThat(chains).hasSize(2);
            assertThat(((DefaultSecurityFilterChain) chains.get(0)).getRequestMatcher())
                    .isNotInstanceOf(AnyRequestMatcher.class);
            assertThat(((DefaultSecurityFilterChain) chains.get(1)).getRequestMatcher())
                    .isInstanceOf(AnyRequestMatcher.class);
            assertThat(context).hasBean("dtApiSecurityFilterChain");
        });
    }

    @Test
    void optingOutWithoutACatchAllChainRefusesToStart() {
        runner().withUserConfiguration(NarrowChain.class)
                .withPropertyValues("dataterritoires.security.default-chain.enabled=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    while (failure.getCause() != null) {
                        failure = failure.getCause();
                    }
                    assertThat(failure).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("sans securityMatcher")
                            .hasMessageContaining("without securityMatcher");
                });
    }

    @Test
    void optingOutWithACatchAllChainReplacesThePlatformChain() {
        runner().withUserConfiguration(NarrowChain.class, CatchAllChain.class)
                .withPropertyValues("dataterritoires.security.default-chain.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("dtApiSecurityFilterChain");
                    assertThat(context).hasBean("ownChain");
                });
    }
}
