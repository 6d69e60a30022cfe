package fr.dataterritoires.portal.integration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the portal reaches the services ({@code dataterritoires.portal.*}). With {@code gateway-url}
 * ({@code DT_GATEWAY_URL}) set, every service is called through the gateway, under its route
 * {@code /api/<service>} (the gateway forwards {@code /api/<service>/x} to the service's {@code /api/x}): that one
 * setting is all a deployment needs. Without it (local runs, tests) each service has its own base URL, e.g.
 * {@code services.dataset-search} ({@code DT_DATASET_SEARCH_URL}, default {@code http://127.0.0.1:8085}), and its
 * API under {@code /api}.
 */
@ConfigurationProperties("dataterritoires.portal")
public class ServiceEndpoints {

    private URI gatewayUrl;
    private Map<String, URI> services = new LinkedHashMap<>(Map.of("dataset-search", URI.create("http://127.0.0.1:8085"),
            "commons-calls", URI.create("http://127.0.0.1:8082"), "exchanges", URI.create("http://127.0.0.1:8083"),
            "replication", URI.create("http://127.0.0.1:8084")));
    /** How long a page waits for a service before saying it is unavailable. */
    private java.time.Duration readTimeout = java.time.Duration.ofSeconds(10);
    private java.time.Duration connectTimeout = java.time.Duration.ofSeconds(2);

    /**
     * The root of a service's REST API, to which the clients add the API's own paths ({@code /datasets}): the
     * gateway's route of the service, e.g. {@code http://gateway:8080/api/dataset-search}, else the service's
     * {@code /api}, e.g. {@code http://127.0.0.1:8085/api}.
     */
    public URI apiRoot(String service) {
        if (gatewayUrl != null && !gatewayUrl.toString().isBlank()) {
            return URI.create(withoutTrailingSlash(gatewayUrl) + "/api/" + service);
        }
        URI url = services.get(service);
        if (url == null) {
            throw new IllegalStateException("No base URL for service " + service
                    + ": set dataterritoires.portal.gateway-url or dataterritoires.portal.services." + service);
        }
        return URI.create(withoutTrailingSlash(url) + "/api");
    }

    private static String withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public URI getGatewayUrl() {
        return gatewayUrl;
    }

    public void setGatewayUrl(URI gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public Map<String, URI> getServices() {
        return services;
    }

    public void setServices(Map<String, URI> services) {
        this.services = services;
    }

    public java.time.Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(java.time.Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public java.time.Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(java.time.Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }
}
