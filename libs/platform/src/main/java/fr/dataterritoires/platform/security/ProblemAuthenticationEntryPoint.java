package fr.dataterritoires.platform.security;

import fr.dataterritoires.platform.errors.ProblemResponseWriter;
import fr.dataterritoires.platform.errors.SecurityProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as a problem, with the {@code WWW-Authenticate: Bearer} challenge of RFC 6750. */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponseWriter writer;

    public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        String reason = null;
        if (exception instanceof OAuth2AuthenticationException) {
            // The validator's own message (which claim failed) stays in the log; the client only
            // needs to know it must get a new token from the trusted issuer.
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            reason = "Le jeton d'accès est invalide, expiré ou n'a pas été émis par un émetteur de confiance.";
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        writer.write(response, SecurityProblems.unauthorized(reason, request));
    }
}
