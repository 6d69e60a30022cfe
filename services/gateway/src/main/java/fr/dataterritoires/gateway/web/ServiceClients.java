package fr.dataterritoires.gateway.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The HTTP clients of the calls to the services, one per response budget, so that each route keeps its own budget
 * ({@code services.<name>.response-timeout}, else the default). Every client: no redirects followed (the caller gets
 * them), no retries (a POST must not be sent twice), no cookies kept (they would pass from one caller to the next),
 * bodies relayed as they come (no decompression), a connect timeout, and the budget as the socket timeout too, so that
 * a service answering late — or stalling in the middle of a body — frees the request (504 when nothing was sent yet).
 * The clients come from Boot's {@link RestClient.Builder}: calls are observed (metrics, W3C trace propagation).
 */
public final class ServiceClients implements ProxyExchange {

    private final Map<String, Duration> budgets;
    private final Duration defaultBudget;
    private final Duration connectTimeout;
    private final RestClient.Builder builder;
    private final GatewayMvcProperties gatewayProperties;
    private final Map<Duration, RestClientProxyExchange> exchanges = new ConcurrentHashMap<>();

    public ServiceClients(Map<String, Duration> budgets, Duration defaultBudget, Duration connectTimeout,
                          RestClient.Builder builder, GatewayMvcProperties gatewayProperties) {
        this.budgets = Map.copyOf(budgets);
        this.defaultBudget = defaultBudget;
        this.connectTimeout = connectTimeout;
        this.builder = builder;
        this.gatewayProperties = gatewayProperties;
    }

    /** The response budget of a route (service). */
    public Duration budgetOf(String service) {
        return budgets.getOrDefault(service, defaultBudget);
    }

    @Override
    public ServerResponse exchange(Request request) {
        Object route = request.getServerRequest().attribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR).orElse(null);
        Duration budget = route == null ? defaultBudget : budgetOf(route.toString());
        return exchanges.computeIfAbsent(budget, b -> new RestClientProxyExchange(client(b), gatewayProperties))
                .exchange(request);
    }

    /** A client with this budget (also for other calls to the services, e.g. their API documents). */
    public RestClient client(Duration budget) {
        return builder.clone().requestFactory(requestFactory(connectTimeout, budget)).build();
    }

    static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration budget) {
        Timeout socket = Timeout.of(budget);
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(socket)
                        .build())
                .setMaxConnTotal(1000)
                .setMaxConnPerRoute(200)
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(socket).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
        factory.setConnectionRequestTimeout(connectTimeout);
        return factory;
    }
}
