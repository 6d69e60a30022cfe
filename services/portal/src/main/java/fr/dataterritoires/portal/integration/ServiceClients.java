package fr.dataterritoires.portal.integration;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.application.ServiceUnavailable;
import fr.dataterritoires.portal.security.CurrentUser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link RestClient} per service, on the root of its API ({@link ServiceEndpoints#apiRoot}), relaying the signed-in user's token
 * ({@code Authorization: Bearer}); anonymous visitors call anonymously. 4xx problem+json answers become
 * {@link ServiceRefusal}s with the refusals per field, 5xx ones {@link ServiceUnavailable}.
 */
@Component
public class ServiceClients {

    /** A business rule's detail names its field in parentheses, e.g. « (organisationSiren) » or « (wishedEnd, …) ». */
    private static final Pattern FIELD_IN_DETAIL = Pattern.compile("\\(([a-zA-Z][a-zA-Z0-9]*)[,)]");

    /** Calls to the services by service and outcome (ok, refused = 4xx, failed = 5xx, unreachable). */
    static final String CALLS = "dt.portal.service.calls";

    private final ServiceEndpoints endpoints;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    public ServiceClients(ServiceEndpoints endpoints, CurrentUser currentUser, JsonMapper json, MeterRegistry meters,
                          ObjectProvider<ObservationRegistry> observations) {
        this.endpoints = endpoints;
        this.currentUser = currentUser;
        this.json = json;
        this.meters = meters;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    public RestClient client(String service) {
        return clients.computeIfAbsent(service, this::create);
    }

    /**
     * One call to {@code service}'s API: a service that cannot be reached becomes {@link ServiceUnavailable}, like a
     * 5xx; a 4xx comes out as the {@link ServiceRefusal} of the client's status handler.
     */
    public <T> T call(String service, java.util.function.Function<RestClient, T> request) {
        try {
            return request.apply(client(service));
        } catch (org.springframework.web.client.ResourceAccessException unreachable) {
            throw new ServiceUnavailable(service, unreachable.getMessage(), unreachable);
        }
    }

    /** The application's mapper, for answers a client reads itself (an import's refused lines). */
    JsonMapper json() {
        return json;
    }

    private RestClient create(String service) {
        return RestClient.builder()
                // the application's mapper: unknown members of the services' answers are ignored, dates read as ISO
                .configureMessageConverters(converters -> converters
                        .withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .baseUrl(endpoints.apiRoot(service).toString())
                .requestFactory(requestFactory())
                // traces continue into the services (W3C trace context), and client metrics per call
                .observationRegistry(observations)
                .defaultHeader(HttpHeaders.ACCEPT, "application/json, application/problem+json")
                .requestInterceptor((request, body, execution) -> {
                    currentUser.accessToken().ifPresent(token -> request.getHeaders().setBearerAuth(token));
                    try {
                        ClientHttpResponse response = execution.execute(request, body);
                        int status = response.getStatusCode().value();
                        count(service, status >= 500 ? "failed" : status >= 400 ? "refused" : "ok");
                        return response;
                    } catch (IOException unreachable) {
                        count(service, "unreachable");
                        throw unreachable;
                    }
                })
                .defaultStatusHandler(status -> status.is4xxClientError(),
                        (request, response) -> {
                            throw refusal(request, response);
                        })
                .defaultStatusHandler(status -> status.is5xxServerError(),
                        (request, response) -> {
                            throw new ServiceUnavailable(service, "HTTP " + response.getStatusCode().value()
                                    + " on " + request.getMethod() + " " + request.getURI().getPath(), null);
                        })
                .build();
    }

    private void count(String service, String outcome) {
        meters.counter(CALLS, "service", service, "outcome", outcome).increment();
    }

    private JdkClientHttpRequestFactory requestFactory() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                .connectTimeout(endpoints.getConnectTimeout()).build());
        factory.setReadTimeout(endpoints.getReadTimeout());
        return factory;
    }

    ServiceRefusal refusal(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        JsonNode problem;
        try {
            problem = json.readTree(response.getBody());
        } catch (RuntimeException unreadable) {
            return new ServiceRefusal(status, "Demande refusée", "Le service a refusé la demande (HTTP " + status
                    + ").", Map.of());
        }
        return refusal(status, problem);
    }

    /** A 4xx answer already read: its problem+json as a {@link ServiceRefusal}. */
    ServiceRefusal refusal(int status, JsonNode problem) {
        if (problem == null || !problem.isObject()) {
            return new ServiceRefusal(status, "Demande refusée", "Le service a refusé la demande (HTTP " + status
                    + ").", Map.of());
        }
        String title = problem.path("title").asString("Demande refusée");
        String detail = problem.path("detail").asString(title);
        Map<String, String> fields = new LinkedHashMap<>();
        problem.path("errors").forEach(error -> {
            String field = error.path("field").asString(null);
            if (field != null) {
                fields.putIfAbsent(field, error.path("message").asString(detail));
            }
        });
        if (fields.isEmpty()) {
            Matcher named = FIELD_IN_DETAIL.matcher(detail);
            if (named.find()) {
                fields.put(named.group(1), detail);
            }
        }
        return new ServiceRefusal(status, title, detail, fields);
    }
}
