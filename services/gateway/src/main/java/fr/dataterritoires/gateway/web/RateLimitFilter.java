package fr.dataterritoires.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import fr.dataterritoires.gateway.application.RateLimiting;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;
import fr.dataterritoires.platform.ratelimit.Callers;
import fr.dataterritoires.platform.ratelimit.RateDecision;
import fr.dataterritoires.platform.ratelimit.RateLimit;

/**
 * Rate limit of one route: the client is the token's subject when the caller sent a valid token (checked by the
 * platform's security chain before this runs), else the caller's address. Allowed requests carry
 * {@code X-RateLimit-Remaining}; refused ones get a 429 problem with {@code Retry-After}.
 */
public final class RateLimitFilter {

    static final String REMAINING = "X-RateLimit-Remaining";
    static final String BURST = "X-RateLimit-Burst-Capacity";
    static final String REPLENISH = "X-RateLimit-Replenish-Rate";

    private RateLimitFilter() {
    }

    public static HandlerFilterFunction<ServerResponse, ServerResponse> of(String route, RateLimit limit,
                                                                         RateLimiting limiting) {
        return (request, next) -> {
            RateDecision decision = limiting.decide(route, client(request), limit).decision();
            if (!decision.allowed()) {
                ProblemDetail problem = Problems.create(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TROP_DE_REQUETES,
                        "Trop de requêtes vers le service « " + route + " » : réessayez dans "
                                + decision.retryAfterSeconds() + " s.",
                        request.servletRequest());
                problem.setProperty("dependency", route);
                return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()))
                        .header(REMAINING, "0")
                        .header(BURST, Integer.toString(limit.burstCapacity()))
                        .header(REPLENISH, Double.toString(limit.replenishRate()))
                        .body(problem);
            }
            ServerResponse response = next.handle(request);
            response.headers().set(REMAINING, Long.toString(decision.remaining()));
            response.headers().set(BURST, Integer.toString(limit.burstCapacity()));
            response.headers().set(REPLENISH, Double.toString(limit.replenishRate()));
            return response;
        };
    }

    /** Keyed like every service's own limit (platform {@link Callers}), then per route and hashed by RateLimiting. */
    static String client(ServerRequest request) {
        return Callers.current(request.servletRequest().getRemoteAddr());
    }
}
