package fr.dataterritoires.platform.ratelimit;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.dataterritoires.platform.errors.ProblemResponseWriter;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;

/**
 * The service's own rate limit on REST (ADR 0018). Runs after Spring Security's filter chain, so that the caller is the
 * token's subject once the token was checked (else the caller's address); requests the chain refused (401, 403) stop
 * before it. A refused request gets the same 429 problem as at the gateway ({@code trop-de-requetes}) with
 * {@code Retry-After}. The actuator's paths are never limited: Kubernetes probes and Prometheus scraping come from few
 * addresses, often, and must not be refused.
 */
public class ServiceRateLimitFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final ServiceRateLimiter limiter;
    private final ProblemResponseWriter writer;
    private final String service;
    private final String actuatorBasePath;
    private final List<String> exemptPaths;

    public ServiceRateLimitFilter(ServiceRateLimiter limiter, ProblemResponseWriter writer, String service,
                                  String actuatorBasePath, List<String> exemptPaths) {
        this.limiter = limiter;
        this.writer = writer;
        this.service = service;
        this.actuatorBasePath = actuatorBasePath.endsWith("/")
                ? actuatorBasePath.substring(0, actuatorBasePath.length() - 1) : actuatorBasePath;
        this.exemptPaths = List.copyOf(exemptPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded, normalised path Tomcat routed on (not the raw URI, which "/actuator/..%2Fapi" could disguise)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!actuatorBasePath.isEmpty()
                && (path.equals(actuatorBasePath) || path.startsWith(actuatorBasePath + "/"))) {
            return true;
        }
        return exemptPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateDecision decision = limiter.decide(Callers.current(request.getRemoteAddr()),
                ServiceRateLimiter.Protocol.HTTP);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = Problems.create(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TROP_DE_REQUETES,
                "Trop de requêtes vers le service « " + service + " » : réessayez dans "
                        + decision.retryAfterSeconds() + " s.",
                request);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        writer.write(response, problem);
    }
}
