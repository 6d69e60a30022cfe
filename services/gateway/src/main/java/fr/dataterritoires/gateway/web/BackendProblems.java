package fr.dataterritoires.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerResponse;

import fr.dataterritoires.platform.errors.PayloadTooLargeException;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;

/**
 * The gateway's answers when a service cannot answer, in the platform's vocabulary: 503
 * {@link ProblemTypes#SERVICE_INDISPONIBLE} (unreachable, with {@code Retry-After}) or 504
 * {@link ProblemTypes#DELAI_DE_REPONSE_DEPASSE} (no answer within the budget), both naming the service
 * ({@code dependency}), in French.
 */
public final class BackendProblems {

    /** What went wrong with a call to a service, from the exception the HTTP client threw. */
    public enum Failure { TIMEOUT, UNREACHABLE }

    private BackendProblems() {
    }

    /** The failure a client exception stands for, or null when it is not a failure to reach the service. */
    public static Failure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return null; // the caller's body was too large: the platform's 413, not the service's fault
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return Failure.UNREACHABLE;
            }
            if (t instanceof SocketTimeoutException) { // no answer, or a body stalled, within the budget
                return Failure.TIMEOUT;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return Failure.UNREACHABLE; // reset, closed before answering, protocol error
            }
        }
        return null;
    }

    public static ProblemDetail problem(Failure failure, String service, Duration budget,
                                        HttpServletRequest request) {
        ProblemDetail problem = failure == Failure.TIMEOUT
                ? Problems.create(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.DELAI_DE_REPONSE_DEPASSE,
                        "Le service « " + service + " » n'a pas répondu dans le délai imparti ("
                                + budget.toMillis() / 1000.0 + " s). Réessayez dans quelques instants.",
                        request)
                : Problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_INDISPONIBLE,
                        "Le service « " + service + " » est momentanément injoignable. "
                                + "Réessayez dans quelques instants.",
                        request);
        problem.setProperty("dependency", service);
        return problem;
    }

    public static ServerResponse response(Failure failure, String service, Duration budget, Duration retryAfter,
                                          HttpServletRequest request) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(
                failure == Failure.TIMEOUT ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (failure == Failure.UNREACHABLE) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return builder.body(problem(failure, service, budget, request));
    }
}
