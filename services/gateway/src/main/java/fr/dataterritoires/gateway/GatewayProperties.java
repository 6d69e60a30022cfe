package fr.dataterritoires.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

import fr.dataterritoires.platform.ratelimit.RateLimit;

/**
 * {@code dataterritoires.gateway.*}: the services behind the gateway, time budgets, rate limits and CORS. Every value
 * can be overridden by an environment variable (e.g. {@code DT_ROADMAPS_URL}, see application.yml).
 */
@ConfigurationProperties("dataterritoires.gateway")
public class GatewayProperties {

    /** Service names become path segments: lower-case words separated by hyphens. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** The services routed: {@code /api/<name>/**} goes to {@code <url>/api/**}. */
    private Map<String, Service> services = new LinkedHashMap<>();

    /** Longest wait for a service to connect. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** Longest wait for a service's answer (its status and headers): past it, 504. */
    private Duration responseTimeout = Duration.ofSeconds(15);

    /** How long a client is told to wait (Retry-After) when a service is unreachable. */
    private Duration unavailableRetryAfter = Duration.ofSeconds(5);

    private RateLimiting rateLimit = new RateLimiting();

    private Cors cors = new Cors();

    public Map<String, Service> getServices() {
        return services;
    }

    public void setServices(Map<String, Service> services) {
        this.services = services;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getUnavailableRetryAfter() {
        return unavailableRetryAfter;
    }

    public void setUnavailableRetryAfter(Duration unavailableRetryAfter) {
        this.unavailableRetryAfter = unavailableRetryAfter;
    }

    public RateLimiting getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(RateLimiting rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Cors getCors() {
        return cors;
    }

    public void setCors(Cors cors) {
        this.cors = cors;
    }

    /** Refuses a configuration the routes cannot be built from, at start rather than on the first request. */
    public void validate() {
        services.forEach((name, service) -> {
            if (!SERVICE_NAME.matcher(name).matches()) {
                throw new IllegalStateException("dataterritoires.gateway.services: service name '" + name
                        + "' must be lower-case words separated by hyphens");
            }
            URI url = service.getUrl();
            if (url == null || url.getHost() == null
                    || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalStateException("dataterritoires.gateway.services." + name
                        + ".url must be an absolute http(s) URL, got " + url);
            }
            limitOf(name);
        });
    }

    /** The response budget of a service's route: its own, else the default. */
    public Duration budgetOf(String service) {
        Service s = services.get(service);
        return s != null && s.getResponseTimeout() != null ? s.getResponseTimeout() : responseTimeout;
    }

    /** The limit of a service's route: its own, else the default. */
    public RateLimit limitOf(String service) {
        Service s = services.get(service);
        double rate = s != null && s.getRateLimit().getReplenishRate() != null ? s.getRateLimit().getReplenishRate()
                : rateLimit.getReplenishRate();
        int burst = s != null && s.getRateLimit().getBurstCapacity() != null ? s.getRateLimit().getBurstCapacity()
                : rateLimit.getBurstCapacity();
        return new RateLimit(rate, burst);
    }

    public static class Service {

        /** Base URL of the service (scheme, host, port), e.g. http://roadmaps:8081. */
        private URI url;

        /** This route's limit; unset values take the default ones. */
        private RouteLimit rateLimit = new RouteLimit();

        /** This route's response budget; unset: the default {@code response-timeout}. */
        private Duration responseTimeout;

        public Duration getResponseTimeout() {
            return responseTimeout;
        }

        public void setResponseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
        }

        public URI getUrl() {
            return url;
        }

        public void setUrl(URI url) {
            this.url = url;
        }

        public RouteLimit getRateLimit() {
            return rateLimit;
        }

        public void setRateLimit(RouteLimit rateLimit) {
            this.rateLimit = rateLimit;
        }
    }

    public static class RouteLimit {

        private Double replenishRate;
        private Integer burstCapacity;

        public Double getReplenishRate() {
            return replenishRate;
        }

        public void setReplenishRate(Double replenishRate) {
            this.replenishRate = replenishRate;
        }

        public Integer getBurstCapacity() {
            return burstCapacity;
        }

        public void setBurstCapacity(Integer burstCapacity) {
            this.burstCapacity = burstCapacity;
        }
    }

    public static class RateLimiting {

        /** Whether requests are rate-limited at all. */
        private boolean enabled = true;

        /** Requests per second a client regains on a route (may be below 1). */
        private double replenishRate = 20;

        /** Requests a client may send at once on a route (the bucket's size). */
        private int burstCapacity = 40;

        /** Prefix of the Redis keys, so several suites may share one Redis. */
        private String keyPrefix = "dt:gateway:rate:";

        /** After Redis failed, how long the gateway counts locally before trying Redis again. */
        private Duration redisRetryInterval = Duration.ofSeconds(5);

        /** Most clients the local fallback keeps buckets for (the least recently seen are dropped first). */
        private int localMaxClients = 100_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public double getReplenishRate() {
            return replenishRate;
        }

        public void setReplenishRate(double replenishRate) {
            this.replenishRate = replenishRate;
        }

        public int getBurstCapacity() {
            return burstCapacity;
        }

        public void setBurstCapacity(int burstCapacity) {
            this.burstCapacity = burstCapacity;
        }

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public Duration getRedisRetryInterval() {
            return redisRetryInterval;
        }

        public void setRedisRetryInterval(Duration redisRetryInterval) {
            this.redisRetryInterval = redisRetryInterval;
        }

        public int getLocalMaxClients() {
            return localMaxClients;
        }

        public void setLocalMaxClients(int localMaxClients) {
            this.localMaxClients = localMaxClients;
        }
    }

    public static class Cors {

        /** Origins allowed to call the API from a browser (the portal's), e.g. https://data-territoires.gouv.fr. */
        private List<String> allowedOrigins = new ArrayList<>();

        /** How long a browser may cache a preflight answer. */
        private Duration maxAge = Duration.ofHours(1);

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }
}
