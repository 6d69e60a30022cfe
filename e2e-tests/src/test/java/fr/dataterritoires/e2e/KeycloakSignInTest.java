package fr.dataterritoires.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;

import fr.dataterritoires.platform.security.DtAuthenticationToken;
import fr.dataterritoires.platform.security.DtJwtAuthenticationConverter;
import fr.dataterritoires.platform.security.DtJwtValidators;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.ResourceServerProperties;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.testing.identity.KeycloakServer;

/**
 * The production identity provider for real: Keycloak 26 from its Maven Central distribution, with the project's
 * realm file as operators import it. A user signs in through Keycloak's own login page (authorization code with PKCE,
 * the portal's public client) and a service account gets a client-credentials token; the services' own decoder and
 * claim mapping (issuer from Keycloak's discovery document, keys from its JWKS, audience {@code data-territoires},
 * flat {@code roles}, {@code siren} and {@code region} claims) turn both into the actors the services authorise.
 */
class KeycloakSignInTest {

    private static final String PORTAL = "http://127.0.0.1:18086";
    private static final String CALLBACK = PORTAL + "/login/oauth2/code/keycloak";
    private static KeycloakServer keycloak;
    private static NimbusJwtDecoder servicesDecoder;

    @BeforeAll
    static void keycloak() throws Exception {
        Path zip = Path.of(System.getProperty("dataterritoires.test.keycloak-zip", "missing"));
        assertThat(zip).as("the Keycloak distribution (e2e-tests' test dependency)").exists();
        Path realm = Path.of("..", "deploy", "keycloak", "data-territoires-realm.json").toAbsolutePath().normalize();
        Path work = Files.createDirectories(Path.of("target", "keycloak"));
        keycloak = KeycloakServer.start(zip, realm, work, PORTAL);
        // What a service does with `spring.security.oauth2.resourceserver.jwt.issuer-uri` and the platform's checks.
        // (read timeouts longer than the defaults: a just-started Keycloak on a busy machine answers its first key
        // request slowly)
        var factory = new org.springframework.http.client.SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(java.time.Duration.ofSeconds(10));
        factory.setReadTimeout(java.time.Duration.ofSeconds(60));
        servicesDecoder = NimbusJwtDecoder.withIssuerLocation(keycloak.issuer())
                .restOperations(new org.springframework.web.client.RestTemplate(factory)).build();
        ResourceServerProperties properties = new ResourceServerProperties();
        properties.setAudience(List.of("data-territoires"));
        servicesDecoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                DtJwtValidators.create(properties, keycloak.issuer())));
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aFunderSignsInOnKeycloaksPageAndTheServicesSeeTheirRoleAndOrganisation() throws Exception {
        String id = keycloak.createUser(new KeycloakServer.User("fanny.financeur", "Mot-de-passe-1", "Fanny",
                "Financeur", "fanny.financeur@anct.example.fr", List.of("FUNDER"), Map.of("siren", "130005481")));

        var tokens = keycloak.signIn("portal", CALLBACK, "fanny.financeur", "Mot-de-passe-1");
        Jwt access = servicesDecoder.decode(tokens.get("access_token").asString());
        DtPrincipal actor = actor(access);

        assertThat(access.getIssuer().toString()).isEqualTo(keycloak.issuer());
        assertThat(access.getAudience()).contains("data-territoires");
        assertThat(actor.subject()).isEqualTo(id);
        assertThat(actor.roles()).containsExactly(Role.FUNDER);
        assertThat(actor.siren()).isEqualTo("130005481");
        assertThat(authorities(access)).contains("ROLE_FUNDER").doesNotContain("ROLE_NATIONAL_COORDINATOR");
        assertThat(tokens.get("id_token").asString()).isNotBlank();
    }

    @Test
    void aCommitteeMemberCarriesTheirRegion() throws Exception {
        keycloak.createUser(new KeycloakServer.User("camille.comite", "Mot-de-passe-2", "Camille", "Comité",
                "camille.comite@region.example.fr", List.of("COMMITTEE_MEMBER"), Map.of("region", "52")));

        DtPrincipal actor = actor(servicesDecoder.decode(
                keycloak.signIn("portal", CALLBACK, "camille.comite", "Mot-de-passe-2").get("access_token").asString()));

        assertThat(actor.roles()).containsExactly(Role.COMMITTEE_MEMBER);
        assertThat(actor.region()).isEqualTo("52");
    }

    @Test
    void aWrongPasswordIsRefusedAndATamperedTokenDoesNotPass() throws Exception {
        keycloak.createUser(new KeycloakServer.User("alex.agent", "Mot-de-passe-3", "Alex", "Agent",
                "alex.agent@mairie.example.fr", List.of("AGENT"), Map.of("siren", "213502388")));

        assertThatThrownBy(() -> keycloak.signIn("portal", CALLBACK, "alex.agent", "pas-le-bon"))
                .hasMessageContaining("refused");
        String token = keycloak.signIn("portal", CALLBACK, "alex.agent", "Mot-de-passe-3").get("access_token")
                .asString();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"AGENT\"",
                        "\"NATIONAL_COORDINATOR\"").getBytes()) + "." + parts[2];
        assertThatThrownBy(() -> servicesDecoder.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void aServiceAccountGetsClientCredentialsTokensWithTheRolesItWasGranted() throws Exception {
        keycloak.grantServiceAccount("roadmaps", List.of("NATIONAL_COORDINATOR"), Map.of());

        DtPrincipal actor = actor(servicesDecoder.decode(
                keycloak.clientCredentialsToken("roadmaps", "roadmaps-test-secret")));

        assertThat(actor.roles()).contains(Role.NATIONAL_COORDINATOR);
        assertThatThrownBy(() -> keycloak.clientCredentialsToken("roadmaps", "wrong-secret"))
                .hasMessageContaining("401");
    }

    private static DtPrincipal actor(Jwt jwt) {
        AbstractAuthenticationToken authentication = new DtJwtAuthenticationConverter().convert(jwt);
        return ((DtAuthenticationToken) authentication).actor();
    }

    private static List<String> authorities(Jwt jwt) {
        return new DtJwtAuthenticationConverter().convert(jwt).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }
}
