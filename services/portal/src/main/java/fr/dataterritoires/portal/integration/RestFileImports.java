package fr.dataterritoires.portal.integration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import fr.dataterritoires.portal.application.FileImports;
import fr.dataterritoires.portal.application.ImportViews.LineError;
import fr.dataterritoires.portal.application.ImportViews.PreciputImport;
import fr.dataterritoires.portal.application.ImportViews.RoadmapImport;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.application.ServiceUnavailable;
import tools.jackson.databind.JsonNode;

/**
 * {@link FileImports} on commons-calls' {@code /preciput/imports} and the roadmaps service's
 * {@code /roadmaps/{id}/items/import}: the file as the body, {@code application/json} for a {@code .json} file and
 * {@code text/csv} otherwise (each service reads the bytes and refuses what is not text). A file refused for its lines
 * is an answer to show, not an error: those answers are read here ({@code exchange}), the services' other refusals
 * become {@link ServiceRefusal}s as everywhere else.
 */
@Component
public class RestFileImports implements FileImports {

    static final String COMMONS_CALLS = "commons-calls";
    static final String ROADMAPS = "roadmaps";

    private final ServiceClients clients;

    public RestFileImports(ServiceClients clients) {
        this.clients = clients;
    }

    static MediaType typeOf(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? MediaType.APPLICATION_JSON
                : MediaType.parseMediaType("text/csv");
    }

    @Override
    public PreciputImport importPreciput(String fileName, byte[] content) {
        // applied (or already applied): the answer itself, with the amount levied; rejected: the import recorded
        PreciputImport answered = clients.call(COMMONS_CALLS, c -> c.post()
                .uri(u -> u.path("/preciput/imports").queryParam("fileName", fileName).build())
                .contentType(typeOf(fileName)).body(raw(content))
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200 || status == 201) {
                        return clients.json().treeToValue(read(response), PreciputImport.class);
                    }
                    if (status == 422) {
                        // rejected for its lines: commons-calls recorded the import with every line error
                        JsonNode problem = read(response);
                        String rejected = problem.path("importId").asString(null);
                        if (rejected != null) {
                            return new PreciputImport(rejected, null, fileName, "REJECTED", 0, 0, 0, null, false,
                                    null, null);
                        }
                        throw clients.refusal(status, problem);
                    }
                    throw failure(request, response, COMMONS_CALLS);
                }));
        return answered.isApplied() ? answered : preciputImport(answered.id());
    }

    @Override
    public List<PreciputImport> preciputImports() {
        List<PreciputImport> imports = clients.call(COMMONS_CALLS, c -> c.get().uri("/preciput/imports").retrieve()
                .body(new ParameterizedTypeReference<List<PreciputImport>>() {
                }));
        return imports == null ? List.of() : imports;
    }

    @Override
    public PreciputImport preciputImport(String id) {
        return clients.call(COMMONS_CALLS, c -> c.get().uri("/preciput/imports/{id}", id).retrieve()
                .body(PreciputImport.class));
    }

    @Override
    public RoadmapImport importRoadmapItems(UUID roadmapId, long version, boolean dryRun, String fileName,
                                            byte[] content) {
        Function<RestClient, RoadmapImport> send = c -> c.post()
                .uri(u -> {
                    u.path("/roadmaps/{id}/items/import");
                    // a check reads no version: the service asks for one only to import
                    return dryRun ? u.queryParam("dryRun", true).build(roadmapId)
                            : u.queryParam("version", version).build(roadmapId);
                })
                .contentType(typeOf(fileName)).body(raw(content))
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        JsonNode answer = read(response);
                        JsonNode roadmap = answer.path("roadmap");
                        return new RoadmapImport(roadmapId.toString(), fileName, answer.path("dryRun").asBoolean(),
                                answer.has("imported"), answer.path("lines").asInt(), lines(answer.path("invalidLines")),
                                errors(answer.path("errors")),
                                roadmap.isObject() ? roadmap.path("version").asLong() : null,
                                roadmap.isObject() ? roadmap.path("items").asInt() : null, null);
                    }
                    if (status == 400) {
                        JsonNode problem = read(response);
                        if (problem.has("invalidLines")) {
                            // all or nothing: the lines refused, nothing imported
                            return new RoadmapImport(roadmapId.toString(), fileName, false, false,
                                    problem.path("lines").asInt(), lines(problem.path("invalidLines")),
                                    errors(problem.path("errors")), null, null, problem.path("detail").asString(null));
                        }
                        throw clients.refusal(status, problem);
                    }
                    throw failure(request, response, ROADMAPS);
                });
        return clients.call(ROADMAPS, send);
    }

    /** The file's bytes as they are (the clients convert only JSON). */
    private static StreamingHttpOutputMessage.Body raw(byte[] content) {
        return out -> out.write(content);
    }

    private JsonNode read(ClientHttpResponse response) throws IOException {
        try {
            return clients.json().readTree(response.getBody());
        } catch (RuntimeException unreadable) {
            return clients.json().createObjectNode();
        }
    }

    /** What the default handlers of {@link ServiceClients} make of any other answer. */
    private RuntimeException failure(HttpRequest request, ClientHttpResponse response, String service)
            throws IOException {
        int status = response.getStatusCode().value();
        if (status >= 400 && status < 500) {
            return clients.refusal(request, response);
        }
        return new ServiceUnavailable(service, "HTTP " + status + " on " + request.getMethod() + " "
                + request.getURI().getPath(), null);
    }

    private static List<Integer> lines(JsonNode numbers) {
        List<Integer> lines = new ArrayList<>();
        numbers.forEach(n -> lines.add(n.asInt()));
        return lines;
    }

    private static List<LineError> errors(JsonNode errors) {
        List<LineError> found = new ArrayList<>();
        errors.forEach(e -> found.add(new LineError(e.path("line").asInt(), e.path("field").asString(null),
                e.path("message").asString(""))));
        return found;
    }
}
