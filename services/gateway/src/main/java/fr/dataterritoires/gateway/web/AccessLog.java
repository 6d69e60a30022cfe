package fr.dataterritoires.gateway.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per API request: method, path (no query string: it may hold personal data), route, status and
 * duration. It runs inside the request's observation, so the JSON line carries the trace id that the services' own
 * logs carry too (the trace context is forwarded as {@code traceparent}).
 */
public final class AccessLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object route = request.getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
            log.info("{} {} route={} status={} durationMs={}", request.getMethod(), request.getRequestURI(),
                    route == null ? "-" : route, response.getStatus(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
