package fr.dataterritoires.portal.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import fr.dataterritoires.platform.security.dev.DevAuthorizationEndpoint;

/**
 * The portal's one security chain (the platform's stateless API chain is switched off:
 * {@code dataterritoires.security.default-chain.enabled=false}). Pages are public except the access request pages;
 * anything not listed needs a signed-in user (deny by default). Sign-in is the OIDC authorization code flow with
 * PKCE, with Keycloak or, locally, the development issuer ({@link PortalClientRegistrations}); the session holds the
 * sign-in, the tokens stay on the server (authorized clients in the session). Every POST carries a CSRF token
 * (Thymeleaf adds it to each form), except the development issuer's own endpoints, which have their own checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class PortalSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    PortalClientRegistrations portalClientRegistrations(OAuth2ClientProperties properties,
                                                        ObjectProvider<DevAuthorizationEndpoint> devIssuer,
                                                        ApplicationContext context) {
        return new PortalClientRegistrations(properties, devIssuer, context);
    }

    @Bean
    OAuth2AuthorizedClientRepository portalAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager portalAuthorizedClientManager(PortalClientRegistrations registrations,
                                                                OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, PortalClientRegistrations registrations,
                                                  OAuth2AuthorizedClientRepository authorizedClients)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(requests -> requests
                        // an error page is shown to whoever met the error, whatever the method
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .requestMatchers(HttpMethod.GET, "/", "/jeux-de-donnees", "/territoires", "/accessibilite",
                                "/dsfr/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/jeux-de-donnees/*").permitAll()
                        // published roadmaps by région (the roadmaps service shows anonymous callers nothing else)
                        .requestMatchers(HttpMethod.GET, "/feuilles-de-route", "/feuilles-de-route/*",
                                "/feuilles-de-route/regions/*").permitAll()
                        // funding, replication and exchanges: what the services publish to anyone
                        .requestMatchers(HttpMethod.GET, "/appels", "/appels/*", "/preciput", "/initiatives",
                                "/initiatives/*", "/echanges/offres", "/echanges/offres/*", "/formations").permitAll()
                        // harvested sources and their runs, as dataset-search publishes them (starting one: signed in)
                        .requestMatchers(HttpMethod.GET, "/moissons", "/moissons/*", "/moissons/sources/*").permitAll()
                        .requestMatchers("/connexion", "/oauth2/**", "/login/oauth2/**").permitAll()
                        // the development issuer (local profile only; loopback callers only: DevAuthorizationEndpoint)
                        .requestMatchers("/dev-issuer/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/dev-issuer/**"))
                .oauth2Login(login -> login.loginPage("/connexion")
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/connexion")))
                .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/?deconnexion"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }
}
