package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The test service configured like production: the standard resource-server properties (issuer
 * and public key of a stand-in issuer), a 4 KB body limit so that oversized bodies stay small.
 */
@SpringBootTest(classes = PlatformWebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dataterritoires.security.issuer=" + TestKeys.ISSUER,
                "dataterritoires.http.max-request-size=4KB",
                "management.endpoints.web.exposure.include=health,info,prometheus",
                "dataterritoires.security.dev-issuer.enabled=false"})
abstract class AbstractWebTest {

    static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    Http http;

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> TestKeys.TRUSTED_PUBLIC_PEM.toUri().toString());
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static String token(Role role) {
        return TestKeys.trusted().mint(DevUsers.demo(role));
    }

    /** Every error answer of the suite: problem+json, stable type, status repeated, request path as instance. */
    static void assertProblem(Http.Response response, int status, String type, String path) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.type()).isEqualTo(type);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asString()).isNotBlank();
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.json().path("instance").asString()).isEqualTo(path);
    }
}
