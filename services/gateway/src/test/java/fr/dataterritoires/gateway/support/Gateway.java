package fr.dataterritoires.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.platform.testsupport.TestIssuer;

/** The suite's REST test client pointed at the gateway, plus requests with headers of the test's choosing. */
public final class Gateway extends HttpApi {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public Gateway(int port) {
        super(port);
    }

    /** A token of a client of its own (a fresh subject): its rate-limit buckets are its own. */
    public static String tokenOfNewClient() {
        return TestIssuer.token(new DevTokenRequest("client-" + UUID.randomUUID(), "Client de test",
                Set.of(Role.AGENT), null, null, null, null));
    }

    /** A request with headers given as name, value, name, value... */
    public Response request(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String... headers) {
        return request("GET", path, null, headers);
    }

    public URI at(String path) {
        return uri(path);
    }
}
