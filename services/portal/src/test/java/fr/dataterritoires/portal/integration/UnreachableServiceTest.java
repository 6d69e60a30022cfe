package fr.dataterritoires.portal.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

import fr.dataterritoires.portal.application.ServiceUnavailable;
import fr.dataterritoires.portal.domain.SearchCriteria;
import fr.dataterritoires.portal.security.CurrentUser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** A service nobody listens for: the page gets {@link ServiceUnavailable} (503), and the meter counts it. */
class UnreachableServiceTest {

    @Test
    void aClosedPortIsAnUnavailableServiceNotAnError() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ServiceEndpoints endpoints = new ServiceEndpoints();
        endpoints.setServices(Map.of("dataset-search", URI.create("http://127.0.0.1:" + closed)));
        endpoints.setConnectTimeout(Duration.ofSeconds(2));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CurrentUser anonymous = new CurrentUser(new StaticListableBeanFactory()
                .getBeanProvider(OAuth2AuthorizedClientManager.class));
        RestDatasetCatalogue catalogue = new RestDatasetCatalogue(new ServiceClients(endpoints, anonymous,
                JsonMapper.builder().build(), meters, new StaticListableBeanFactory()
                .getBeanProvider(io.micrometer.observation.ObservationRegistry.class)));

        assertThatThrownBy(() -> catalogue.search(SearchCriteria.empty()))
                .isInstanceOf(ServiceUnavailable.class)
                .satisfies(e -> assertThat(((ServiceUnavailable) e).service()).isEqualTo("dataset-search"));
        assertThat(meters.counter(ServiceClients.CALLS, "service", "dataset-search", "outcome", "unreachable")
                .count()).isEqualTo(1.0);
    }

    @Test
    void theGatewayWhenSetServesEveryServiceUnderItsRoute() {
        ServiceEndpoints endpoints = new ServiceEndpoints();
        assertThat(endpoints.apiRoot("dataset-search")).hasToString("http://127.0.0.1:8085/api");
        // the gateway forwards /api/<service>/x to the service's /api/x (GatewayRoutes)
        endpoints.setGatewayUrl(URI.create("http://gateway:8080/"));
        assertThat(endpoints.apiRoot("dataset-search")).hasToString("http://gateway:8080/api/dataset-search");
        assertThat(endpoints.apiRoot("commons-calls")).hasToString("http://gateway:8080/api/commons-calls");
    }
}
