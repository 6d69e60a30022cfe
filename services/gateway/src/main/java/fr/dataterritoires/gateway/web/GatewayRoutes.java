package fr.dataterritoires.gateway.web;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import fr.dataterritoires.gateway.application.RateLimiting;
import fr.dataterritoires.platform.ratelimit.RateLimit;

/**
 * The public route scheme (ADR 0013): {@code /api/<service>/<rest>} goes to {@code <service url>/api/<rest>}, the
 * method, query, headers (the caller's {@code Authorization} included: the token is relayed as it came) and body as
 * they are. A {@code Location} a service answers with is turned back into the public path. Each route: failures of the
 * service as problems (outermost, so that nothing escapes as a 500), then the rate limit, then the proxying.
 */
public final class GatewayRoutes {

    private static final Logger log = LoggerFactory.getLogger(GatewayRoutes.class);

    private GatewayRoutes() {
    }

    /** Settings of one routed service. */
    public record Target(URI url, RateLimit limit, Duration budget) {
    }

    public static RouterFunction<ServerResponse> build(Map<String, Target> services, RateLimiting limiting,
                                                       boolean rateLimited, Duration retryAfter) {
        RouterFunction<ServerResponse> all = null;
        for (Map.Entry<String, Target> entry : services.entrySet()) {
            String name = entry.getKey();
            Target target = entry.getValue();
            RouterFunctions.Builder builder = route(name)
                    .route(path("/api/" + name + "/**"), http())
                    .filter(failures(name, target.budget(), retryAfter));
            if (rateLimited) {
                builder = builder.filter(RateLimitFilter.of(name, target.limit(), limiting));
            }
            RouterFunction<ServerResponse> routeOf = builder
                    .before(uri(target.url()))
                    .before(rewriteEncodedPath(name))
                    .after((request, response) -> publicLocation(name, target.url(), response))
                    .build();
            all = all == null ? routeOf : all.and(routeOf);
        }
        return all;
    }

    /**
     * {@code /api/<service>/<rest>} to {@code /api/<rest>} on the path as it came, still percent-encoded. Spring Cloud
     * Gateway's {@code rewritePath} works on the decoded path and encodes it again as a URI template: a segment holding
     * an encoded "{" (a client's mistake, a probe) made the gateway fail with a 500, and an encoded "/" would have
     * reached the service as a separator. A path that is not a valid encoded path is a 400 problem.
     */
    static Function<ServerRequest, ServerRequest> rewriteEncodedPath(String service) {
        String prefix = "/api/" + service;
        return request -> {
            URI incoming = request.uri();
            MvcUtils.addOriginalRequestUrl(request, incoming);
            String raw = incoming.getRawPath();
            String rest = raw.length() > prefix.length() ? raw.substring(prefix.length()) : "";
            URI rewritten;
            try {
                rewritten = UriComponentsBuilder.fromUri(incoming).replacePath("/api" + rest).build(true).toUri();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Adresse mal formée : " + e.getMessage());
            }
            return ServerRequest.from(request).uri(rewritten).build();
        };
    }

    /** A service that cannot be reached or is too slow: a problem naming it, never a 500 or a hung request. */
    static HandlerFilterFunction<ServerResponse, ServerResponse> failures(String service, Duration budget,
                                                                       Duration retryAfter) {
        return (request, next) -> {
            try {
                return new GuardedBody(next.handle(request), service, budget, retryAfter);
            } catch (Exception e) {
                BackendProblems.Failure failure = BackendProblems.classify(e);
                if (failure == null) {
                    throw e;
                }
                log.warn("Service {} {} on {} {}: {}", service,
                        failure == BackendProblems.Failure.TIMEOUT ? "too slow" : "unreachable",
                        request.method(), request.path(), rootCause(e).toString());
                return BackendProblems.response(failure, service, budget, retryAfter, request.servletRequest());
            }
        };
    }

    private static ServerResponse publicLocation(String service, URI serviceUrl, ServerResponse response) {
        String location = response.headers().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return response;
        }
        String base = serviceUrl.toString().replaceAll("/+$", "");
        String path = location.startsWith(base) ? location.substring(base.length()) : location;
        if (path.startsWith("/api/")) {
            response.headers().set(HttpHeaders.LOCATION, "/api/" + service + path.substring("/api".length()));
        }
        return response;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
