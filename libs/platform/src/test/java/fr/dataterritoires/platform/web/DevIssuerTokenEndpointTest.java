package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The development issuer switched on by property outside the {@code local} profile (as tests do):
 * its key is trusted, but its token endpoint, which hands out any role to anyone, stays shut.
 */
@SpringBootTest(classes = PlatformWebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dataterritoires.security.dev-issuer.enabled=true",
                "dataterritoires.security.dev-issuer.token-endpoint=true"})
class DevIssuerTokenEndpointTest {

    @LocalServerPort
    int port;

    Http http;

    static final String keyDir = tempDir();

    @DynamicPropertySource
    static void keyDir(DynamicPropertyRegistry registry) {
        registry.add("dataterritoires.security.dev-issuer.key-dir", () -> keyDir);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("dt-dev-issuer-endpoint-test").resolve("keys").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void tokenEndpointIsAbsentWithoutTheLocalProfile() {
        assertThat(http.get(DevIssuer.TOKEN_PATH + "?role=" + Role.NATIONAL_COORDINATOR, null).status())
                .isEqualTo(404);
        assertThat(http.get(DevIssuer.JWKS_PATH, null).status()).isEqualTo(200);
        // nor does its authorization endpoint (code flow) answer
        assertThat(http.get(DevIssuer.AUTHORIZE_PATH + "?response_type=code&client_id=portal"
                + "&redirect_uri=http://127.0.0.1/cb&code_challenge=abc&code_challenge_method=S256", null).status())
                .isEqualTo(404);
    }
}
