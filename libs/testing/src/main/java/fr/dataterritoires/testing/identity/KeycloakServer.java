package fr.dataterritoires.testing.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import fr.dataterritoires.testing.process.ServiceProcess;

/**
 * A real Keycloak (the production identity provider, DESIGN.md §5) for the journeys and the portal's browser tests:
 * the {@code org.keycloak:keycloak-quarkus-dist} distribution from Maven Central, unpacked once, started in
 * development mode on free loopback ports with the project's realm ({@code deploy/keycloak/data-territoires-realm.json})
 * imported, its placeholders given. Users are created through Keycloak's admin REST API, with their realm roles and
 * the scope attributes the realm maps to claims ({@code region}, {@code ministry}, {@code siren}), so that login, the
 * token's claims and the services' role mapping are Keycloak's own, not the development issuer's.
 *
 * <pre>{@code
 * try (KeycloakServer keycloak = KeycloakServer.start(dist, realm, workDir, "http://127.0.0.1:8086")) {
 *     keycloak.createUser(new KeycloakServer.User("financeur", "secret-1", "Fanny", "Financeur",
 *             "fanny@example.fr", List.of("FUNDER"), Map.of("siren", "130005481")));
 *     String issuer = keycloak.issuer();
 * }
 * }</pre>
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(KeycloakServer.class);
    /** The first start builds Keycloak's server image (about 30 s on a quiet machine, much more on a busy one). */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    public static final String REALM = "data-territoires";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-" + Long.toHexString(System.nanoTime());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A realm user: its login, password, names and e-mail (the realm requires them), roles and scope attributes. */
    public record User(String username, String password, String firstName, String lastName, String email,
                       List<String> roles, Map<String, String> attributes) {
    }

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Unpacks {@code distributionZip} under {@code workDir} (once), imports {@code realmFile} with its placeholders
     * given, starts Keycloak and waits until the realm answers.
     *
     * @param portalUrl the portal's URL ({@code http://127.0.0.1:<port>}): the realm accepts the portal's sign-in
     *                  redirects under it only
     */
    public static KeycloakServer start(Path distributionZip, Path realmFile, Path workDir, String portalUrl)
            throws IOException, InterruptedException {
        Path home = unpack(distributionZip, workDir.resolve("dist"));
        int port = ServiceProcess.freePort();
        int managementPort = ServiceProcess.freePort();
        // A fresh realm database each start: users and sessions of an earlier run must not leak into this one (and the
        // bootstrap admin is only created in an empty database).
        deleteTree(home.resolve("data/h2"));
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        try (var old = Files.list(imports)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path log = workDir.resolve("keycloak-" + port + ".log");
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--hostname=http://127.0.0.1:" + port);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Keycloak runs on this JVM's JDK (the machine's default java may be older than Keycloak needs).
        env.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // The realm's placeholders (deploy/keycloak/README.md): a test has no ProConnect and no secrets to keep.
        env.put("PROCONNECT_ISSUER", "http://127.0.0.1:" + port + "/proconnect-absent");
        env.put("PROCONNECT_CLIENT_ID", "absent");
        env.put("PROCONNECT_CLIENT_SECRET", "absent");
        env.put("DT_PORTAL_URL", portalUrl);
        env.put("DT_GATEWAY_CLIENT_SECRET", "gateway-test-secret");
        env.put("DT_ROADMAPS_CLIENT_SECRET", "roadmaps-test-secret");
        KeycloakServer server = new KeycloakServer(builder.start(), port, log);
        try {
            server.awaitRealm();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>/realms/data-territoires}: the {@code iss} of its tokens. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's token endpoint. */
    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    /** Creates a user with a password, its realm roles and attributes; returns its id (the tokens' {@code sub}). */
    public String createUser(User user) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("enabled", true);
        body.put("emailVerified", true);
        body.put("firstName", user.firstName());
        body.put("lastName", user.lastName());
        body.put("email", user.email());
        body.put("attributes", user.attributes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        body.put("credentials", List.of(Map.of("type", "password", "value", user.password(), "temporary", false)));
        HttpResponse<String> created = admin("POST", "/users", body);
        expect(created, 201, "create user " + user.username());
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<Object> roles = new ArrayList<>();
        for (String role : user.roles()) {
            HttpResponse<String> found = admin("GET", "/roles/" + role, null);
            expect(found, 200, "role " + role);
            roles.add(JSON.readValue(found.body(), Map.class));
        }
        if (!roles.isEmpty()) {
            expect(admin("POST", "/users/" + id + "/role-mappings/realm", roles), 204, "roles of " + user.username());
        }
        return id;
    }

    /** A confidential client's service account gets realm roles and attributes (client-credentials tokens). */
    public void grantServiceAccount(String clientId, List<String> roles, Map<String, String> attributes)
            throws IOException, InterruptedException {
        HttpResponse<String> clients = admin("GET", "/clients?clientId=" + enc(clientId), null);
        expect(clients, 200, "client " + clientId);
        String clientUuid = JSON.readTree(clients.body()).get(0).get("id").asString();
        HttpResponse<String> account = admin("GET", "/clients/" + clientUuid + "/service-account-user", null);
        expect(account, 200, "service account of " + clientId);
        JsonNode user = JSON.readTree(account.body());
        String userId = user.get("id").asString();
        Map<String, Object> update = JSON.convertValue(user, Map.class);
        update.put("attributes", attributes.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        expect(admin("PUT", "/users/" + userId, update), 204, "attributes of " + clientId);
        List<Object> mapped = new ArrayList<>();
        for (String role : roles) {
            HttpResponse<String> found = admin("GET", "/roles/" + role, null);
            expect(found, 200, "role " + role);
            mapped.add(JSON.readValue(found.body(), Map.class));
        }
        expect(admin("POST", "/users/" + userId + "/role-mappings/realm", mapped), 204, "roles of " + clientId);
    }

    /** A client-credentials access token of a confidential client. */
    public String clientCredentialsToken(String clientId, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + enc(clientId)
                        + "&client_secret=" + enc(secret))).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "client credentials of " + clientId);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /**
     * Signs {@code username} in as a browser would, through the realm's login page: the authorization code flow with
     * PKCE (S256) of the public client {@code clientId}, then the code exchanged at the token endpoint. Returns the
     * token response ({@code access_token}, {@code id_token}...).
     */
    public JsonNode signIn(String clientId, String redirectUri, String username, String password)
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String verifier = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge;
        try {
            challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String state = Long.toHexString(System.nanoTime());
        URI authorize = URI.create(issuer() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirectUri) + "&state=" + state
                + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorize).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(page, 200, "login page");
        java.util.regex.Matcher form = java.util.regex.Pattern
                .compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("Keycloak: no login form on " + authorize);
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        // Keycloak marks its session cookies Secure even on plain HTTP, which java.net's cookie store then never
        // sends back to http://127.0.0.1: they are carried by hand, as a browser on localhost would.
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> submitted = browser.send(HttpRequest.newBuilder(action)
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&credentialId=")).build(), HttpResponse.BodyHandlers.ofString());
        String location = submitted.headers().firstValue("Location").orElse("");
        if (submitted.statusCode() != 302 || !location.startsWith(redirectUri)) {
            throw new IllegalStateException("Keycloak: sign-in of " + username + " refused (" + submitted.statusCode()
                    + " " + location + ")");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (!state.equals(parameters.get("state"))) {
            throw new IllegalStateException("Keycloak: the state came back changed");
        }
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + enc(clientId)
                        + "&code=" + enc(parameters.get("code")) + "&redirect_uri=" + enc(redirectUri)
                        + "&code_verifier=" + verifier)).build(), HttpResponse.BodyHandlers.ofString());
        expect(tokens, 200, "code exchange of " + username);
        return JSON.readTree(tokens.body());
    }

    /** The last lines of Keycloak's log (for failure messages). */
    public String logTail() {
        return tail(log, 40);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitRealm() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during its start (exit " + process.exitValue()
                        + "):\n" + logTail());
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    logger.info("Keycloak ready at {} (realm {} imported)", baseUrl(), REALM);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + START_TIMEOUT + ":\n"
                + logTail());
    }

    private HttpResponse<String> admin(String method, String path, Object body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + ADMIN + "&password=" + enc(ADMIN_PASSWORD))).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "admin token");
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak: " + what + ": expected " + status + ", got "
                    + response.statusCode() + " " + response.body());
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Unpacks the distribution once (a marker file says it is complete); returns its home directory. */
    static Path unpack(Path zip, Path into) throws IOException {
        Path done = into.resolve(".unpacked-" + zip.getFileName());
        if (!Files.exists(done)) {
            Files.createDirectories(into);
            try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                    Path target = into.resolve(entry.getName()).normalize();
                    if (!target.startsWith(into)) {
                        throw new IOException("entry outside the directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                        if (target.toString().endsWith(".sh")) {
                            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                        }
                    }
                }
            }
            Files.writeString(done, zip.toString());
        }
        try (var top = Files.list(into)) {
            return top.filter(p -> Files.isDirectory(p) && Files.exists(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IOException("no bin/kc.sh under " + into));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
