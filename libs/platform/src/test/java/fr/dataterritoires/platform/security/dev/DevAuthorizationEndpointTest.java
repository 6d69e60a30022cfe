package fr.dataterritoires.platform.security.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import fr.dataterritoires.platform.security.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/** The development authorization endpoint: code flow with PKCE, loopback only, codes used once. */
class DevAuthorizationEndpointTest {

    static final String REDIRECT = "http://127.0.0.1:8086/login/oauth2/code/dev-issuer";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @TempDir
    Path keys;

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void aDemoUserIsChosenThenTheCodeIsExchangedOnceWithItsVerifier() throws Exception {
        DevTokenMinter minter = new DevTokenMinter(DevIssuerKeys.loadOrCreate(keys));
        DevAuthorizationEndpoint endpoint = new DevAuthorizationEndpoint(minter, true, Clock.systemUTC());
        String challenge = DevAuthorizationEndpoint.s256(VERIFIER);
        // RFC 7636 appendix B's example pair
        assertThat(challenge).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

        String page = endpoint.page("code", "portal", REDIRECT, "xyz", "n-0S6", "openid", challenge, "S256",
                from("127.0.0.1"));
        assertThat(page).contains("<html lang=\"fr\"").contains("value=\"APPLICANT\"")
                .contains("name=\"code_challenge\" value=\"" + challenge + "\"");

        ResponseEntity<Void> chosen = endpoint.choose("code", "portal", REDIRECT, "xyz", "n-0S6", challenge, "S256",
                Role.APPLICANT, from("127.0.0.1"));
        assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        UriComponents back = UriComponentsBuilder.fromUri(chosen.getHeaders().getLocation()).build();
        assertThat(back.getPath()).isEqualTo("/login/oauth2/code/dev-issuer");
        assertThat(back.getQueryParams().getFirst("state")).isEqualTo("xyz");
        String code = back.getQueryParams().getFirst("code");

        assertThat(endpoint.token("authorization_code", code, REDIRECT, "portal", "wrong-verifier",
                from("127.0.0.1")).getBody()).containsEntry("error", "invalid_grant");
        // the failed attempt consumed the code: a code is good for one exchange at most
        ResponseEntity<Void> again = endpoint.choose("code", "portal", REDIRECT, "xyz", "n-0S6", challenge, "S256",
                Role.APPLICANT, from("::1"));
        String second = UriComponentsBuilder.fromUri(again.getHeaders().getLocation()).build().getQueryParams()
                .getFirst("code");
        Map<String, Object> tokens = endpoint.token("authorization_code", second, REDIRECT, "portal", VERIFIER,
                from("127.0.0.1")).getBody();
        assertThat(tokens).containsKeys("access_token", "id_token").containsEntry("token_type", "Bearer");
        SignedJWT id = SignedJWT.parse((String) tokens.get("id_token"));
        assertThat(id.verify(new RSASSAVerifier(minter.publicKey()))).isTrue();
        assertThat(id.getJWTClaimsSet().getAudience()).containsExactly("portal");
        assertThat(id.getJWTClaimsSet().getIssuer()).isEqualTo(DevIssuer.ISSUER);
        assertThat(id.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("n-0S6");
        assertThat(id.getJWTClaimsSet().getSubject()).isEqualTo(DevUsers.demo(Role.APPLICANT).subject());
        SignedJWT access = SignedJWT.parse((String) tokens.get("access_token"));
        assertThat(access.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("APPLICANT");
        assertThat(endpoint.token("authorization_code", second, REDIRECT, "portal", VERIFIER, from("127.0.0.1"))
                .getBody()).containsEntry("error", "invalid_grant");
    }

    @Test
    void refusesOtherMachinesForeignRedirectsMissingPkceAndWhenDisabled() {
        DevTokenMinter minter = new DevTokenMinter(DevIssuerKeys.loadOrCreate(keys));
        DevAuthorizationEndpoint endpoint = new DevAuthorizationEndpoint(minter, true, Clock.systemUTC());
        String challenge = DevAuthorizationEndpoint.s256(VERIFIER);
        assertThatThrownBy(() -> endpoint.page("code", "portal", REDIRECT, "s", null, null, challenge, "S256",
                from("10.0.0.8"))).isInstanceOfSatisfying(ResponseStatusException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
        for (String redirect : new String[] {"https://evil.example/cb", "http://127.0.0.1.evil.example/cb",
                "javascript:alert(1)", "http://user@127.0.0.1/cb", null}) {
            assertThatThrownBy(() -> endpoint.page("code", "portal", redirect, "s", null, null, challenge, "S256",
                    from("127.0.0.1"))).as(redirect).isInstanceOfSatisfying(ResponseStatusException.class,
                    e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
        assertThatThrownBy(() -> endpoint.page("code", "portal", REDIRECT, "s", null, null, challenge, "plain",
                from("127.0.0.1"))).isInstanceOf(ResponseStatusException.class);
        assertThatThrownBy(() -> endpoint.page("token", "portal", REDIRECT, "s", null, null, challenge, "S256",
                from("127.0.0.1"))).isInstanceOf(ResponseStatusException.class);
        DevAuthorizationEndpoint off = new DevAuthorizationEndpoint(minter, false, Clock.systemUTC());
        assertThatThrownBy(() -> off.page("code", "portal", REDIRECT, "s", null, null, challenge, "S256",
                from("127.0.0.1"))).isInstanceOfSatisfying(ResponseStatusException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}
