package fr.dataterritoires.gateway.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every answer are the gateway's, whatever the service behind it sent: set here on every
 * response, and removed from the services' responses ({@link #fromServices()}) so that a browser never sees two values
 * of one header. API answers are data, never pages: they may not be framed, sniffed or run scripts. The API
 * documentation page (Swagger UI) needs its own scripts and styles.
 */
public final class SecurityHeaders extends OncePerRequestFilter {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";

    static final List<String> OWNED = List.of("Strict-Transport-Security", "X-Content-Type-Options",
            "X-Frame-Options", "Referrer-Policy", "Content-Security-Policy", "Permissions-Policy",
            "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy", "X-XSS-Protection");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Browsers honour HSTS over HTTPS only; behind the TLS-terminating ingress every answer carries it.
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", isDocsPage(request) ? DOCS_CSP : API_CSP);
        chain.doFilter(request, response);
    }

    private static boolean isDocsPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/swagger-ui") || path.startsWith("/api-docs");
    }

    /** Drops the services' own values of the headers this filter owns. */
    public static HttpHeadersFilter.ResponseHttpHeadersFilter fromServices() {
        return (headers, response) -> {
            HttpHeaders filtered = new HttpHeaders();
            headers.forEach((name, values) -> {
                if (OWNED.stream().noneMatch(name::equalsIgnoreCase)) {
                    filtered.addAll(name, values);
                }
            });
            return filtered;
        };
    }
}
