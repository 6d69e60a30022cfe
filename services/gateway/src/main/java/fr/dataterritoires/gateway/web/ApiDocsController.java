package fr.dataterritoires.gateway.web;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import fr.dataterritoires.platform.errors.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each service's OpenAPI document as seen through the gateway, for the aggregated documentation page
 * ({@code /api-docs}, one entry per service): its {@code /api/...} paths become relative to the server
 * {@code /api/<service>}, so "try it out" goes through the gateway like any client; paths the gateway does not route
 * are left out.
 */
@RestController
@Tag(name = "Documentation", description = "Documents OpenAPI des services, tels que la passerelle les expose")
public class ApiDocsController {

    private final Map<String, URI> services;
    private final RestClient http;
    private final JsonMapper json;
    private final Duration budget;
    private final Duration retryAfter;

    public ApiDocsController(Map<String, URI> services, RestClient http, JsonMapper json, Duration budget,
                             Duration retryAfter) {
        this.services = services;
        this.http = http;
        this.json = json;
        this.budget = budget;
        this.retryAfter = retryAfter;
    }

    @GetMapping(value = "/openapi/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Document OpenAPI d'un service",
            description = "Le document OpenAPI 3.1 du service, ses chemins exprimés relativement à /api/{service}.")
    public ResponseEntity<?> document(
            @Parameter(description = "Nom du service, par exemple roadmaps ou dataset-search")
            @PathVariable String service, HttpServletRequest request) {
        URI url = services.get(service);
        if (url == null) {
            throw new NotFoundException("Aucun service « " + service + " » derrière la passerelle. Services : "
                    + String.join(", ", services.keySet()) + ".");
        }
        String body;
        try {
            body = http.get().uri(url.resolve("/v3/api-docs")).accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(String.class);
        } catch (RuntimeException e) {
            BackendProblems.Failure failure = BackendProblems.classify(e);
            if (failure == null) {
                failure = BackendProblems.Failure.UNREACHABLE; // an error page instead of a document
            }
            ResponseEntity.BodyBuilder answer = ResponseEntity
                    .status(failure == BackendProblems.Failure.TIMEOUT ? 504 : 503)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (failure == BackendProblems.Failure.UNREACHABLE) {
                answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
            }
            return answer.body(BackendProblems.problem(failure, service, budget, request));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(throughGateway(service, body));
    }

    JsonNode throughGateway(String service, String document) {
        ObjectNode root = (ObjectNode) json.readTree(document);
        ObjectNode server = json.createObjectNode();
        server.put("url", "/api/" + service);
        server.put("description", "Passerelle data-territoires");
        root.putArray("servers").add(server);
        JsonNode paths = root.path("paths");
        if (paths instanceof ObjectNode original) {
            ObjectNode routed = json.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = original.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (path.getKey().startsWith("/api/")) {
                    routed.set(path.getKey().substring("/api".length()), path.getValue());
                }
            }
            root.set("paths", routed);
        }
        return root;
    }
}
