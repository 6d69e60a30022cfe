package fr.dataterritoires.platform.security.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import fr.dataterritoires.platform.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevIssuerKeysTest {

    @TempDir
    Path dir;

    @Test
    void keyIsCreatedOnceThenReloadedAndPrivateToItsOwner() throws Exception {
        RSAKey first = DevIssuerKeys.loadOrCreate(dir);
        RSAKey second = DevIssuerKeys.loadOrCreate(dir);
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
        assertThat(Files.getPosixFilePermissions(dir.resolve(DevIssuerKeys.KEY_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    /** Several processes starting at once (services and the CLI in `make run`) must end up with one key. */
    @Test
    void concurrentProcessesShareOneKey() throws Exception {
        Path shared = dir.resolve("shared");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    DevTokenCli.class.getName(), "--role=AGENT", "--key-dir=" + shared)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        }
        List<String> tokens = new ArrayList<>();
        for (Process process : processes) {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            tokens.add(out);
        }
        RSAKey key = DevIssuerKeys.loadOrCreate(shared);
        for (String token : tokens) {
            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
            assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(DevIssuer.ISSUER);
            assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("AGENT");
            assertThat(jwt.getJWTClaimsSet().getStringClaim("siren")).isEqualTo(DevUsers.DEMO_EMPLOYER_SIREN);
        }
        try (var files = Files.list(shared)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void cliRefusesBadArgumentsWithStatus2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(DevTokenCli.run(new String[] {"--role=KING", "--key-dir=" + dir}, out, errStream)).isEqualTo(2);
        assertThat(DevTokenCli.run(new String[] {"--role=FUNDER", "--siren=12", "--key-dir=" + dir}, out, errStream))
                .isEqualTo(2);
        assertThat(DevTokenCli.run(new String[] {"--colour=blue"}, out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown role KING", "--siren");
    }

    @Test
    void cliCombinesRolesAndTheirDemoScopes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = DevTokenCli.run(new String[] {"--role=COMMITTEE_MEMBER,EVALUATOR", "--ttl=PT2H",
                        "--key-dir=" + dir},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        var claims = SignedJWT.parse(out.toString(StandardCharsets.UTF_8).trim()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("COMMITTEE_MEMBER", "EVALUATOR");
        assertThat(claims.getStringClaim("region")).isEqualTo(DevUsers.DEMO_REGION);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(TimeUnit.HOURS.toMillis(2));
    }

    @Test
    void everyRoleHasADemoUserWithTheScopeItNeeds() {
        for (Role role : Role.values()) {
            DevTokenRequest demo = DevUsers.demo(role);
            assertThat(demo.roles()).containsExactly(role);
            switch (role) {
                case COMMITTEE_MEMBER -> assertThat(demo.region()).isNotNull();
                case MINISTRY_OFFICER -> assertThat(demo.ministry()).isNotNull();
                case FUNDER, APPLICANT, AGENT, HOST_MANAGER -> assertThat(demo.siren()).matches("\\d{9}");
                default -> assertThat(demo.subject()).isNotBlank();
            }
        }
        assertThat(Set.of(Role.values())).hasSize(8);
    }
}
