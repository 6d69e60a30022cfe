package fr.dataterritoires.e2e.security.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.contracts.commonscalls.v1.CommonsFundingGrpc;
import fr.dataterritoires.platform.testsupport.HttpApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The matrix lists exactly what the suite exposes: every REST endpoint of each service's OpenAPI document (as the
 * running service serves it at {@code /v3/api-docs}, the DCAT files at its root included) and every gRPC method of the
 * {@code .proto} files of libs/contracts; a new endpoint without its row fails here, and so does a row left behind.
 */
class MatrixCompletenessTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * Paths every service's document shows that are not the service's API, hence not rows of the matrix: Spring
     * Boot's error page (reached by the container's internal forward only; its answer is the failed request's
     * problem) and the development issuer of the {@code local} profile (loopback only, never in production, ADR 0005),
     * which the suite run by the tests uses.
     */
    static final Set<String> NOT_THE_API = Set.of("/error", "/dev-issuer/token", "/dev-issuer/authorize",
            "/dev-issuer/jwks.json");

    @Test
    void everyRestEndpointOfEveryServiceIsInTheMatrix() throws Exception {
        for (String service : AuthorizationMatrix.SERVICES) {
            JsonNode doc = new HttpApi(SuitePorts.http(service)).get("/v3/api-docs", null).ok().json();
            Set<String> exposed = new TreeSet<>();
            for (var path : doc.path("paths").properties()) {
                if (NOT_THE_API.contains(path.getKey())) {
                    continue;
                }
                for (var operation : path.getValue().properties()) {
                    if (HTTP_METHODS.contains(operation.getKey())) {
                        exposed.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }
            }
            Set<String> declared = new TreeSet<>();
            AuthorizationMatrix.of(service).stream().filter(e -> !e.grpc()).forEach(e -> declared.add(e.key()));
            assertThat(exposed).as(service + ": endpoints of /v3/api-docs missing from AuthorizationMatrix")
                    .isSubsetOf(declared);
            assertThat(declared).as(service + ": rows of AuthorizationMatrix that the service no longer exposes")
                    .isSubsetOf(exposed);
        }
    }

    @Test
    void everyGrpcMethodOfTheContractsIsInTheMatrix() throws Exception {
        Set<String> exposed = new TreeSet<>();
        for (String proto : protoFiles()) {
            exposed.addAll(methods(proto));
        }
        assertThat(exposed).as("gRPC methods found in libs/contracts").isNotEmpty();
        Set<String> declared = new TreeSet<>();
        AuthorizationMatrix.entries().stream().filter(Entry::grpc).forEach(e -> declared.add(e.path()));
        assertThat(declared).isEqualTo(exposed);
    }

    /** {@code package.Service/Method} of every rpc of a .proto file. */
    static List<String> methods(String proto) {
        Matcher pkg = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(proto);
        String prefix = pkg.find() ? pkg.group(1) + "." : "";
        List<String> methods = new ArrayList<>();
        String noComments = proto.replaceAll("//[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher service = Pattern.compile("service\\s+(\\w+)\\s*\\{").matcher(noComments);
        while (service.find()) {
            int depth = 1;
            int i = service.end();
            while (depth > 0 && i < noComments.length()) {
                char c = noComments.charAt(i++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            Matcher rpc = Pattern.compile("rpc\\s+(\\w+)\\s*\\(").matcher(noComments.substring(service.end(), i));
            while (rpc.find()) {
                methods.add(prefix + service.group(1) + "/" + rpc.group(1));
            }
        }
        return methods;
    }

    /** The .proto files packaged with libs/contracts (a jar, or its classes directory). */
    static List<String> protoFiles() throws IOException {
        Path location;
        try {
            location = Path.of(CommonsFundingGrpc.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> protos = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".proto")).toList()) {
                    protos.add(Files.readString(p));
                }
            }
        } else {
            try (InputStream in = Files.newInputStream(location); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().endsWith(".proto")) {
                        protos.add(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return protos;
    }

}
