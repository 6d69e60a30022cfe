package fr.dataterritoires.gateway.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A service's answer is copied to the caller after the route's filters returned: a service that stalls or drops the
 * connection in the middle of its body fails there. While nothing has reached the caller yet (a small body still in
 * the server's buffer), the caller gets the same 504/503 problem as for a service that never answered, instead of a
 * 500 under the service's headers; once bytes have left, the connection can only be cut.
 */
final class GuardedBody implements ServerResponse {

    private static final Logger log = LoggerFactory.getLogger(GuardedBody.class);

    private final ServerResponse delegate;
    private final String service;
    private final Duration budget;
    private final Duration retryAfter;

    GuardedBody(ServerResponse delegate, String service, Duration budget, Duration retryAfter) {
        this.delegate = delegate;
        this.service = service;
        this.budget = budget;
        this.retryAfter = retryAfter;
    }

    @Override
    public HttpStatusCode statusCode() {
        return delegate.statusCode();
    }

    @Override
    public HttpHeaders headers() {
        return delegate.headers();
    }

    @Override
    public MultiValueMap<String, Cookie> cookies() {
        return delegate.cookies();
    }

    @Override
    public ModelAndView writeTo(HttpServletRequest request, HttpServletResponse response, Context context)
            throws ServletException, IOException {
        try {
            return delegate.writeTo(request, response, context);
        } catch (IOException | RuntimeException e) {
            BackendProblems.Failure failure = BackendProblems.classify(e);
            if (failure == null || response.isCommitted()) {
                log.warn("Service {} failed in the middle of its answer on {} {} (cut): {}", service,
                        request.getMethod(), request.getRequestURI(), e.toString());
                throw e;
            }
            log.warn("Service {} failed before its answer was sent on {} {}: {}", service, request.getMethod(),
                    request.getRequestURI(), e.toString());
            Map<String, List<String>> gatewayHeaders = headersNotFrom(response, delegate.headers());
            response.reset();
            gatewayHeaders.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            return BackendProblems.response(failure, service, budget, retryAfter, request)
                    .writeTo(request, response, context);
        }
    }

    /** The headers the gateway itself set (security, CORS), without those copied from the service's answer. */
    private static Map<String, List<String>> headersNotFrom(HttpServletResponse response, HttpHeaders service) {
        Map<String, List<String>> own = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!service.containsHeader(name) && !own.containsKey(name)) {
                own.put(name, new ArrayList<>(response.getHeaders(name)));
            }
        }
        return own;
    }
}
