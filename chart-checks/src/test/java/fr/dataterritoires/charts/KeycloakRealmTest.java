package fr.dataterritoires.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realm file agrees with what the platform reads (Role, DtClaims) and carries no secret. */
class KeycloakRealmTest {

    private final Path root = Workspace.repositoryRoot();
    private final JsonNode realm = read(root.resolve("deploy/keycloak/data-territoires-realm.json"));

    private static JsonNode read(Path file) {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String platformSource(String type) throws IOException {
        return Files.readString(root.resolve("libs/platform/src/main/java/fr/dataterritoires/platform/security/" + type + ".java"));
    }

    @Test
    void realmRolesAreExactlyThePlatformRoles() throws IOException {
        String source = platformSource("Role");
        int start = source.indexOf('{', source.indexOf("enum Role"));
        String body = source.substring(start + 1, source.indexOf(';', start));
        Set<String> platform = new TreeSet<>();
        Matcher constant = Pattern.compile("^\\s*([A-Z][A-Z_]+)\\s*[,(]?", Pattern.MULTILINE).matcher(
                body.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", ""));
        while (constant.find()) {
            platform.add(constant.group(1));
        }
        Set<String> realmRoles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> realmRoles.add(r.path("name").asString()));
        assertThat(platform).hasSize(8);
        assertThat(realmRoles).isEqualTo(platform);
    }

    @Test
    void mappersProduceTheClaimsThePlatformReads() throws IOException {
        String claims = platformSource("DtClaims");
        List<String> expected = new ArrayList<>();
        for (String constant : List.of("ROLES", "REGION", "MINISTRY", "SIREN")) {
            Matcher m = Pattern.compile(constant + "\\s*=\\s*\"([a-z_]+)\"").matcher(claims);
            assertThat(m.find()).as(constant).isTrue();
            expected.add(m.group(1));
        }
        List<String> produced = new ArrayList<>();
        JsonNode scope = null;
        for (JsonNode s : realm.path("clientScopes")) {
            if ("data-territoires".equals(s.path("name").asString())) {
                scope = s;
            }
        }
        assertThat(scope).isNotNull();
        for (JsonNode mapper : scope.path("protocolMappers")) {
            JsonNode config = mapper.path("config");
            if (config.has("claim.name")) {
                produced.add(config.path("claim.name").asString());
                assertThat(config.path("access.token.claim").asString()).isEqualTo("true");
            }
            if ("oidc-usermodel-realm-role-mapper".equals(mapper.path("protocolMapper").asString())) {
                assertThat(config.path("multivalued").asString()).as("flat roles list").isEqualTo("true");
                assertThat(config.path("usermodel.realmRoleMapping.rolePrefix").asString()).isEmpty();
            }
        }
        assertThat(produced).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(realm.path("defaultDefaultClientScopes").toString()).contains("data-territoires");
    }

    @Test
    void proConnectIsBrokeredWithPlaceholdersOnly() {
        JsonNode proconnect = realm.path("identityProviders").get(0);
        assertThat(proconnect.path("alias").asString()).isEqualTo("proconnect");
        assertThat(proconnect.path("providerId").asString()).isEqualTo("oidc");
        assertThat(proconnect.path("config").path("pkceEnabled").asString()).isEqualTo("true");
        List<String> secrets = new ArrayList<>();
        collectSecrets(realm, "", secrets);
        assertThat(secrets).isNotEmpty().allMatch(s -> s.matches(".*=\\$\\{[A-Z_]+\\}"), "a ${PLACEHOLDER}");
        for (JsonNode client : realm.path("clients")) {
            if (client.path("publicClient").asBoolean()) {
                assertThat(client.path("attributes").path("pkce.code.challenge.method").asString())
                        .as(client.path("clientId").asString()).isEqualTo("S256");
            }
        }
    }

    private static void collectSecrets(JsonNode node, String path, List<String> secrets) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                String key = entry.getKey();
                if (key.toLowerCase().contains("secret") && entry.getValue().isValueNode()) {
                    secrets.add(path + "/" + key + "=" + entry.getValue().asString());
                }
                collectSecrets(entry.getValue(), path + "/" + key, secrets);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collectSecrets(item, path + "[]", secrets);
            }
        }
    }
}
