package fr.dataterritoires.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.dataterritoires.charts.SecretScanner.Finding;
import fr.dataterritoires.charts.SecretScanner.Rule;

/**
 * No secret in the repository (its tracked files), in what the charts render (every chart with its defaults, the
 * umbrella with each environment's values) or in what the deploy/ overlays render (issue 11 §4). Service logs are
 * scanned for tokens by the e2e journey (LogScanTest in e2e-tests).
 */
class SecretsScanTest {

    /** Split so that this file does not hold the token it allows. */
    private static final String PACT_SAMPLE = "eyJhbGciOiJSUzI1NiJ9." + "eyJzdWIiOiJkZW1vLXBvcnRldXIifQ.c2lnbmF0dXJl";
    private static final String LEAK_SCAN_SAMPLE = "Zm9vYmFyYmF6" + "cXV4cXV1eHF1dXg0Mg";

    /**
     * Development-only values that look like secrets, each with the reason it is not one. An entry that no longer
     * matches anything fails the test: the list stays exact.
     */
    private static final List<Allowed> ALLOWED = java.util.stream.Stream.concat(
            // the portal's HTTP pacts whose requests carry the user's token
            java.util.stream.Stream.of("dataset-search", "roadmaps", "commons-calls", "exchanges")
                    .map(provider -> new Allowed("libs/contracts/pacts/portal-" + provider + ".json", Rule.JWT,
                            PACT_SAMPLE, "pact sample: its signature is the word 'signature' (base64), no issuer "
                            + "ever accepts it")),
            java.util.stream.Stream.of(
            new Allowed("services/portal/src/test/java/fr/dataterritoires/portal/integration/PactClients.java",
                    Rule.JWT, PACT_SAMPLE,
                    "the same pact sample, as the consumer tests send it"),
            new Allowed("e2e-tests/src/test/java/fr/dataterritoires/e2e/support/LeaksTest.java", Rule.BEARER_TOKEN,
                    LEAK_SCAN_SAMPLE, "the leak scan's own sample of an opaque bearer token in a log: base64 of "
                    + "'foobarbazquxquuxquux42', no issuer ever made it"),
            new Allowed("e2e-tests/src/test/java/fr/dataterritoires/e2e/security/fuzz/GatewayCases.java",
                    Rule.HIGH_ENTROPY_SECRET, "/swagger-ui/%2e%2e/" + "%2e%2e/etc/passwd",
                    "a path-traversal probe the fuzzer sends to the gateway: dot-dot encoded, not a secret"))).toList();

    record Allowed(String path, Rule rule, String value, String reason) {

        boolean covers(Finding finding) {
            return finding.where().equals(path) && finding.rule() == rule && finding.value().equals(value);
        }
    }

    private static Workspace workspace;

    @BeforeAll
    static void copy() {
        workspace = Workspace.copyOfRepository();
        workspace.buildDependencies();
    }

    @AfterAll
    static void clean() {
        workspace.delete();
    }

    @Test
    void theRepositoryHoldsNoSecret() throws IOException {
        Path root = Workspace.repositoryRoot();
        List<String> files = trackedFiles(root);
        assertThat(files).as("tracked files").hasSizeGreaterThan(100)
                .contains("deploy/monitoring/alerts.yaml", "charts/data-territoires/values.yaml", "pom.xml");
        List<Finding> findings = new ArrayList<>();
        long bytes = 0;
        int scanned = 0;
        for (String file : files) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue; // deleted in the working tree, not yet committed
            }
            byte[] content = Files.readAllBytes(path);
            if (binary(content)) {
                continue;
            }
            scanned++;
            bytes += content.length;
            findings.addAll(SecretScanner.scan(file, new String(content, StandardCharsets.UTF_8)));
        }
        Set<Allowed> used = new HashSet<>();
        List<Finding> unexpected = new ArrayList<>();
        for (Finding finding : findings) {
            ALLOWED.stream().filter(a -> a.covers(finding)).findFirst().ifPresentOrElse(used::add,
                    () -> unexpected.add(finding));
        }
        System.out.printf("secret scan of the repository: %d tracked files, %d text files scanned (%d bytes), "
                + "%d findings, %d allow-listed, %d unexpected%n", files.size(), scanned, bytes, findings.size(),
                findings.size() - unexpected.size(), unexpected.size());
        assertThat(unexpected).as("secrets in tracked files (move them to a Secret, or allow-list a development-only "
                + "value with its reason)").isEmpty();
        assertThat(ALLOWED).as("allow-list entries that match nothing any more").allMatch(used::contains);
    }

    @Test
    void whatTheChartsAndOverlaysRenderHoldsNoSecret() {
        Map<String, String> renders = renders(workspace);
        List<Finding> findings = new ArrayList<>();
        renders.forEach((label, yaml) -> findings.addAll(SecretScanner.scan("rendered " + label, yaml)));
        System.out.printf("secret scan of the renders: %d renders (%d bytes), %d findings%n", renders.size(),
                renders.values().stream().mapToLong(String::length).sum(), findings.size());
        assertThat(renders).hasSizeGreaterThanOrEqualTo(workspace.serviceCharts().size() + 6);
        assertThat(findings).as("secrets in rendered manifests").isEmpty();
    }

    @Test
    void aPasswordPutInTheValuesIsFoundInTheRender() {
        Workspace faulty = Workspace.copyOfRepository();
        try {
            String password = randomToken(18);
            faulty.edit("deploy/overlays/prod/values.yaml", v -> v.replaceFirst("(?m)^roadmaps:\n",
                    "roadmaps:\n  springConfig:\n    spring.datasource.password: " + password + "\n"));
            String yaml = faulty.render(Workspace.UMBRELLA, faulty.environmentValues("prod"));
            List<Finding> findings = SecretScanner.scan("rendered data-territoires prod", yaml);
            assertThat(findings).anyMatch(f -> f.rule() == Rule.SECRET_VALUE && f.value().equals(password));
            assertThat(findings.toString()).as("findings never print the secret").doesNotContain(password);
        } finally {
            faulty.delete();
        }
    }

    @Test
    void theScannerFindsEachKindOfSecretAndLeavesReferencesAlone() throws NoSuchAlgorithmException {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        String pem = "-----BEGIN " + "PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.generateKeyPair().getPrivate()
                        .getEncoded()) + "\n-----END " + "PRIVATE KEY-----\n";
        String jwt = jwt();
        String opaque = randomToken(32);
        String entropy = randomToken(24);

        assertThat(rules("deploy/keys.txt", pem)).containsExactly(Rule.PRIVATE_KEY);
        assertThat(rules("services/x/src/main/java/X.java", "log.info(\"" + jwt + "\");")).containsExactly(Rule.JWT);
        assertThat(rules("app.log", "Authorization: Bearer " + opaque)).containsExactly(Rule.BEARER_TOKEN);
        assertThat(rules("charts/x/values.yaml", "  adminPassword: " + opaque)).containsExactly(Rule.SECRET_VALUE);
        assertThat(rules("a.properties", "spring.rabbitmq.password=guest")).containsExactly(Rule.SECRET_VALUE);
        assertThat(rules("realm.json", "\"secret\": \"s3cr3t-value\",")).containsExactly(Rule.SECRET_VALUE);
        assertThat(rules("X.java", "static final String CLIENT_SECRET = \"" + entropy + "\";"))
                .containsExactly(Rule.HIGH_ENTROPY_SECRET);

        // references, placeholders and ordinary words are not secrets
        assertThat(rules("values.yaml", """
                database:
                  secretName: roadmaps-app
                  password: ${DT_POSTGRES_PASSWORD:}
                  secretKey: password
                token: {{ .Values.token }}
                client-secret: "${DT_GATEWAY_CLIENT_SECRET}"
                "access.token.claim": "true",
                accessTokenLifespan: 300
                password:
                  valueFrom: {secretKeyRef: {name: x, key: password}}
                """)).isEmpty();
        assertThat(rules("X.java", "String password = \"guest\"; var h = \"Bearer \" + token;")).isEmpty();
    }

    private static List<Rule> rules(String where, String text) {
        return SecretScanner.scan(where, text).stream().map(Finding::rule).toList();
    }

    /** Every rendered output: each chart with its defaults, the umbrella per environment, each kustomize overlay. */
    private static Map<String, String> renders(Workspace workspace) {
        Map<String, String> renders = new LinkedHashMap<>();
        for (String chart : workspace.charts()) {
            if (!chart.equals(Workspace.LIBRARY)) {
                renders.put(chart + " (defaults)", workspace.render(chart));
            }
        }
        for (String environment : Workspace.ENVIRONMENTS) {
            renders.put("data-territoires " + environment,
                    workspace.render(Workspace.UMBRELLA, workspace.environmentValues(environment)));
            renders.put("kustomize " + environment, workspace.kustomize(environment));
        }
        return renders;
    }

    /** git ls-files; the scan is of what is committed or staged, not of build output. */
    private static List<String> trackedFiles(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return walkedFiles(root);
            }
            List<String> files = new ArrayList<>();
            for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
                if (!name.isEmpty()) {
                    files.add(name);
                }
            }
            return files;
        } catch (IOException e) {
            return walkedFiles(root);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Without git (a source archive): every file but build output and tool caches. */
    private static List<String> walkedFiles(Path root) {
        System.out.println("secret scan: no git work tree at " + root + ", walking the files instead");
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.matches("(^|.*/)(target|node_modules|\\.git|\\.idea)/.*")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean binary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8000); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        // letters and digits of both cases, as a generated password or API key
        return "Ak9" + Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('-', 'x').replace('_', 'y');
    }

    private static String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = new byte[64];
        RANDOM.nextBytes(signature);
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "."
                + b64.encodeToString("{\"sub\":\"agent-1\",\"exp\":1900000000}".getBytes()) + "."
                + b64.encodeToString(signature);
    }
}
