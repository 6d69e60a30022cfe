package fr.dataterritoires.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class DtJwtAuthenticationConverterTest {

    private final DtJwtAuthenticationConverter converter = new DtJwtAuthenticationConverter();

    private static Jwt jwt(Consumer<Map<String, Object>> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("user-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claims(claims)
                .build();
    }

    private DtAuthenticationToken convert(Jwt jwt) {
        return (DtAuthenticationToken) converter.convert(jwt);
    }

    private static List<String> authorities(DtAuthenticationToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void flatRolesClaimGivesRoleAuthoritiesAndScopesGiveTheActor() {
        DtAuthenticationToken token = convert(jwt(c -> {
            c.put("roles", List.of("FUNDER", "EVALUATOR"));
            c.put("siren", "130005481");
            c.put("region", "84");
            c.put("ministry", "MTECT");
            c.put("name", "Inès Robert");
        }));
        assertThat(authorities(token)).containsExactlyInAnyOrder("ROLE_FUNDER", "ROLE_EVALUATOR");
        DtPrincipal actor = token.actor();
        assertThat(actor).isEqualTo(new DtPrincipal("user-1", "Inès Robert",
                java.util.Set.of(Role.FUNDER, Role.EVALUATOR), "84", "MTECT", "130005481"));
        assertThat(token.getName()).isEqualTo("user-1");
    }

    @Test
    void unknownRolesAreIgnoredAndSpellingsTolerated() {
        DtAuthenticationToken token = convert(jwt(c -> c.put("roles",
                List.of("offline_access", "ROLE_AGENT", "host-manager", "ADMIN"))));
        assertThat(token.actor().roles()).containsExactlyInAnyOrder(Role.AGENT, Role.HOST_MANAGER);
        assertThat(authorities(token)).containsExactlyInAnyOrder("ROLE_AGENT", "ROLE_HOST_MANAGER");
    }

    @Test
    void rolesAsStringAndKeycloakRealmAccessAreRead() {
        assertThat(convert(jwt(c -> c.put("roles", "APPLICANT, EVALUATOR"))).actor().roles())
                .containsExactlyInAnyOrder(Role.APPLICANT, Role.EVALUATOR);
        assertThat(convert(jwt(c -> c.put("realm_access", Map.of("roles", List.of("NATIONAL_COORDINATOR")))))
                .actor().roles()).containsExactly(Role.NATIONAL_COORDINATOR);
    }

    @Test
    void malformedScopeClaimsAreDroppedNeverWidened() {
        DtPrincipal actor = convert(jwt(c -> {
            c.put("roles", List.of("COMMITTEE_MEMBER"));
            c.put("region", "84 OR 1=1");
            c.put("siren", "12345");
        })).actor();
        assertThat(actor.region()).isNull();
        assertThat(actor.siren()).isNull();
    }

    @Test
    void scopeClaimOfServiceClientsGivesScopeAuthorities() {
        DtAuthenticationToken token = convert(jwt(c -> c.put("scope", "datasets.read")));
        assertThat(authorities(token)).containsExactly("SCOPE_datasets.read");
        assertThat(token.actor().roles()).isEmpty();
    }

    @Test
    void nameFallsBackToPreferredUsernameThenSubject() {
        assertThat(convert(jwt(c -> c.put("preferred_username", "lea"))).actor().name()).isEqualTo("lea");
        assertThat(convert(jwt(c -> c.put("roles", List.of()))).actor().name()).isEqualTo("user-1");
    }
}
