package fr.dataterritoires.testing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens of a running suite's development issuer, minted by the gateway's {@code GET /dev-issuer/token} (loopback
 * only; every service of the suite trusts them, ADR 0005) and cached per role and scope. The scope's keys are the
 * endpoint's parameters: {@code siren}, {@code region}, {@code ministry}, {@code subject}.
 */
public final class DevTokens {

    private final GatewayHttp http;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public DevTokens(URI gateway) {
        this(new GatewayHttp(gateway));
    }

    DevTokens(GatewayHttp http) {
        this.http = http;
    }

    /** A token of {@code role} with the issuer's demo scope. */
    public String token(String role) {
        return token(role, Map.of());
    }

    /** A token of {@code role} with this scope (siren, region, ministry, subject), the same one for the same request. */
    public String token(String role, Map<String, String> scope) {
        StringBuilder query = new StringBuilder("role=" + role);
        new TreeMap<>(scope).forEach((k, v) -> query.append('&').append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return cache.computeIfAbsent(query.toString(), this::mint);
    }

    private String mint(String query) {
        try {
            String token = http.call("GET", "/dev-issuer/token?" + query, null, null, 200).path("access_token")
                    .asString();
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("the dev issuer answered no access_token for " + query);
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("dev issuer of " + http.gateway() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
