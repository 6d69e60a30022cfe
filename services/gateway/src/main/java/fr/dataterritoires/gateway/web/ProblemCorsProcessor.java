package fr.dataterritoires.gateway.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import fr.dataterritoires.platform.errors.ProblemTypes;
import tools.jackson.databind.json.JsonMapper;

/** A cross-origin request from an origin, method or header not allowed: the suite's 403 problem, not a bare text. */
public final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final JsonMapper json;

    public ProblemCorsProcessor(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Requête d'une origine, d'une méthode ou d'en-têtes non autorisés à appeler l'API depuis un navigateur.");
        problem.setType(ProblemTypes.uri(ProblemTypes.ACCES_REFUSE));
        problem.setTitle(ProblemTypes.title(ProblemTypes.ACCES_REFUSE));
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getBody().write(json.writeValueAsBytes(problem));
        response.flush();
    }
}
