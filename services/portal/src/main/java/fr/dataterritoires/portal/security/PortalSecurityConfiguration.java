package fr.dataterritoires.portal.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The portal's one security chain (the platform's stateless API chain is switched off:
 * {@code dataterritoires.security.default-chain.enabled=false}). Pages are public except the access request pages;
 * anything not listed needs a signed-in user (deny by default). Sessions hold the sign-in; every POST carries a CSRF
 * token (Thymeleaf adds it to each form). With an OIDC client registration (production: Keycloak), sign-in is the
 * authorization code flow with PKCE.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http,
                                                  ObjectProvider<ClientRegistrationRepository> oidc) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .requestMatchers(HttpMethod.GET, "/", "/jeux-de-donnees", "/territoires", "/accessibilite",
                                "/dsfr/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/jeux-de-donnees/*").permitAll()
                        .requestMatchers("/connexion", "/connexion/**", "/oauth2/**", "/login/oauth2/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/connexion")))
                .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/?deconnexion"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        ClientRegistrationRepository registrations = oidc.getIfAvailable();
        if (registrations != null) {
            DefaultOAuth2AuthorizationRequestResolver resolver =
                    new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
            resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login.loginPage("/connexion")
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver)));
        }
        return http.build();
    }
}
