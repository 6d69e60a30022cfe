package fr.dataterritoires.portal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import fr.dataterritoires.platform.security.Role;

/**
 * Signs a demo user in through the whole OIDC authorization code flow with PKCE, as a browser would: the portal's
 * redirect to the development issuer, the choice of a user there, the callback, the portal's own token request to
 * the issuer (a real HTTP call on the test's port) and the ID token's checks.
 */
public final class SignIn {

    private SignIn() {
    }

    /** Signs in on {@code session}; returns where the portal then sends the browser. */
    public static String as(MockMvc mvc, MockHttpSession session, Role role) throws Exception {
        MvcResult start = mvc.perform(get("/oauth2/authorization/dev-issuer").session(session)).andReturn();
        assertThat(start.getResponse().getStatus()).isEqualTo(302);
        UriComponents authorize = UriComponentsBuilder.fromUriString(start.getResponse().getRedirectedUrl()).build();
        assertThat(authorize.getPath()).isEqualTo("/dev-issuer/authorize");
        MultiValueMap<String, String> query = authorize.getQueryParams();
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");

        var choose = post("/dev-issuer/authorize").param("role", role.name());
        query.forEach((name, values) -> choose.param(name, decode(values.getFirst())));
        MvcResult chosen = mvc.perform(choose).andReturn();
        assertThat(chosen.getResponse().getStatus()).as(chosen.getResponse().getErrorMessage()).isEqualTo(302);
        UriComponents callback = UriComponentsBuilder.fromUriString(chosen.getResponse().getRedirectedUrl()).build();

        MvcResult signedIn = mvc.perform(get(callback.getPath()).session(session)
                .param("code", decode(callback.getQueryParams().getFirst("code")))
                .param("state", decode(callback.getQueryParams().getFirst("state")))).andReturn();
        assertThat(signedIn.getResponse().getStatus()).isEqualTo(302);
        assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("error");
        return signedIn.getResponse().getRedirectedUrl();
    }

    public static MockHttpSession as(MockMvc mvc, Role role) throws Exception {
        MockHttpSession session = new MockHttpSession();
        as(mvc, session, role);
        return session;
    }

    private static String decode(String value) {
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
