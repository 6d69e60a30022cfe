package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevIssuer;
import fr.dataterritoires.platform.security.dev.DevIssuerKeys;
import fr.dataterritoires.platform.security.dev.DevTokenCli;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.platform.security.dev.DevUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A service run with the {@code local} profile: the development issuer, sharing its key with the CLI. */
@SpringBootTest(classes = PlatformWebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.profiles.active=local")
class DevIssuerWebTest {

    @LocalServerPort
    int port;

    static final String keyDir = tempDir();

    @DynamicPropertySource
    static void keyDir(DynamicPropertyRegistry registry) {
        registry.add("dataterritoires.security.dev-issuer.key-dir", () -> keyDir);
    }

    private static String tempDir() {
        try {
            Path dir = Files.createTempDirectory("dt-dev-issuer-web-test");
            dir.toFile().deleteOnExit();
            return dir.resolve("keys").toString(); // created by the issuer itself
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--key-dir=" + keyDir;
        int status = DevTokenCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void jwksIsPublicAndHoldsOnlyThePublicPartOfTheSharedKey() throws IOException {
        Http.Response response = http.get(DevIssuer.JWKS_PATH, null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode key = response.json().path("keys").get(0);
        RSAKey onDisk;
        try {
            onDisk = RSAKey.parse(Files.readString(Path.of(keyDir, DevIssuerKeys.KEY_FILE)));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        assertThat(key.path("kid").asString()).isEqualTo(onDisk.getKeyID());
        assertThat(key.path("n").asString()).isEqualTo(onDisk.getModulus().toString());
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }

    @Test
    void cliTokenIsAcceptedWithItsScope() {
        String token = cli("--role=FUNDER", "--siren=130005481", "--subject=alice");
        Http.Response me = http.get("/api/me", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("subject").asString()).isEqualTo("alice");
        assertThat(http.get("/api/organisations/130005481/applications", token).status()).isEqualTo(200);
        assertThat(http.get("/api/organisations/213800006/applications", token).status()).isEqualTo(403);
        assertThat(http.get("/api/funders/calls", token).status()).isEqualTo(200);
    }

    @Test
    void cliRoleAndRegionOptionsShapeTheActor() {
        String token = cli("--role=COMMITTEE_MEMBER", "--region=11", "--ttl=30m");
        assertThat(http.get("/api/regions/11/roadmap", token).status()).isEqualTo(200);
        assertThat(http.get("/api/regions/84/roadmap", token).status()).isEqualTo(403);
        assertThat(http.get("/api/funders/calls", token).status()).isEqualTo(403);
    }

    @Test
    void tokenEndpointMintsDemoTokens() {
        Http.Response response = http.get(DevIssuer.TOKEN_PATH + "?role=HOST_MANAGER", null);
        assertThat(response.status()).isEqualTo(200);
        String token = response.json().path("access_token").asString();
        Http.Response me = http.get("/api/me", token);
        assertThat(me.json().path("siren").asString()).isEqualTo(DevUsers.DEMO_HOST_SIREN);
    }

    @Test
    void devTokenWithoutExpiryIs401() {
        RSAKey shared = DevIssuerKeys.loadOrCreate(Path.of(keyDir));
        String noExpiry = TestKeys.sign(shared, new JWTClaimsSet.Builder()
                .issuer(DevIssuer.ISSUER).subject("demo-coordination-nationale")
                .claim("roles", List.of("NATIONAL_COORDINATOR")).build());
        assertThat(http.get("/api/me", noExpiry).status()).isEqualTo(401);
    }

    @Test
    void onlyTheDevIssuerIsTrusted() {
        RSAKey shared = DevIssuerKeys.loadOrCreate(Path.of(keyDir));
        String otherIssuer = new DevTokenMinter(shared, "https://elsewhere.example.org", Clock.systemUTC())
                .mintFor(Role.NATIONAL_COORDINATOR);
        assertThat(http.get("/api/me", otherIssuer).status()).isEqualTo(401);
        String otherKey = TestKeys.foreignKey().mintFor(Role.NATIONAL_COORDINATOR);
        Http.Response refused = http.get("/api/me", otherKey);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.type()).isEqualTo(ProblemTypes.NON_AUTHENTIFIE);
        assertThat(http.get("/api/me", null).status()).isEqualTo(401);
    }
}
