package fr.dataterritoires.platform.grpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dataterritoires.grpc.*}. The server itself (port, health, reflection, TLS) and the
 * channels' addresses are configured with Spring gRPC's own {@code spring.grpc.server.*} and
 * {@code spring.grpc.client.channels.<name>.*} properties.
 */
@ConfigurationProperties("dataterritoires.grpc")
public class GrpcProperties {

    private final Server server = new Server();
    private final Client client = new Client();

    public Server getServer() {
        return server;
    }

    public Client getClient() {
        return client;
    }

    public static class Server {

        /**
         * Full method name patterns ({@code package.Service/Method}, {@code *} wildcards) open to
         * anonymous calls, besides health and reflection.
         */
        private List<String> publicMethods = new ArrayList<>();

        /** One INFO line per call served (method, status, duration, in the caller's trace): {@link GrpcCallLog}. */
        private boolean callLog = true;

        public boolean isCallLog() {
            return callLog;
        }

        public void setCallLog(boolean callLog) {
            this.callLog = callLog;
        }

        public List<String> getPublicMethods() {
            return publicMethods;
        }

        public void setPublicMethods(List<String> publicMethods) {
            this.publicMethods = publicMethods;
        }
    }

    public static class Client {

        /**
         * Deadline given to every outgoing call that has none (a per-channel
         * {@code spring.grpc.client.channels.<name>.default-deadline} wins over it).
         */
        private Duration defaultDeadline = Duration.ofSeconds(2);

        /**
         * Names of the {@link PlatformGrpcClients} channels that send the service's own token
         * ({@link ServiceTokenProvider}) on calls made outside any request (jobs, event
         * consumers). Other channels never do.
         */
        private List<String> serviceTokenChannels = new ArrayList<>();

        /**
         * Whether a channel starts connecting when it is created, at the service's start-up, rather than on its first
         * call: on a busy machine the connection (and the transport's first use) could take most of the first call's
         * deadline. The channel reconnects by itself afterwards either way.
         */
        private boolean connectAtStart = true;

        private final Retry retry = new Retry();
        private final CircuitBreaker circuitBreaker = new CircuitBreaker();

        public Duration getDefaultDeadline() {
            return defaultDeadline;
        }

        public void setDefaultDeadline(Duration defaultDeadline) {
            this.defaultDeadline = defaultDeadline;
        }

        public boolean isConnectAtStart() {
            return connectAtStart;
        }

        public void setConnectAtStart(boolean connectAtStart) {
            this.connectAtStart = connectAtStart;
        }

        public List<String> getServiceTokenChannels() {
            return serviceTokenChannels;
        }

        public void setServiceTokenChannels(List<String> serviceTokenChannels) {
            this.serviceTokenChannels = serviceTokenChannels;
        }

        public Retry getRetry() {
            return retry;
        }

        public CircuitBreaker getCircuitBreaker() {
            return circuitBreaker;
        }
    }

    /** gRPC retry policy applied to the methods a caller declares idempotent reads. */
    public static class Retry {

        /** Attempts in total, the first one included (gRPC caps it at 5). */
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(1);
        private double backoffMultiplier = 2.0;
        /** Status codes that are retried. */
        private List<String> retryableStatusCodes = new ArrayList<>(List.of("UNAVAILABLE"));

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public double getBackoffMultiplier() {
            return backoffMultiplier;
        }

        public void setBackoffMultiplier(double backoffMultiplier) {
            this.backoffMultiplier = backoffMultiplier;
        }

        public List<String> getRetryableStatusCodes() {
            return retryableStatusCodes;
        }

        public void setRetryableStatusCodes(List<String> retryableStatusCodes) {
            this.retryableStatusCodes = retryableStatusCodes;
        }
    }

    /** Defaults of the Resilience4j circuit breakers made by {@link GrpcCircuitBreakers}. */
    public static class CircuitBreaker {

        /** Percentage of failed calls (unavailable, deadline exceeded...) that opens the breaker. */
        private float failureRateThreshold = 50;
        /** Calls considered by the failure rate (count-based window). */
        private int slidingWindowSize = 10;
        /** Calls needed before the failure rate is computed. */
        private int minimumNumberOfCalls = 5;
        /** Time the breaker stays open before letting trial calls through. */
        private Duration waitDurationInOpenState = Duration.ofSeconds(30);
        /** Trial calls allowed while half open. */
        private int permittedNumberOfCallsInHalfOpenState = 3;

        public float getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public int getSlidingWindowSize() {
            return slidingWindowSize;
        }

        public void setSlidingWindowSize(int slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public int getMinimumNumberOfCalls() {
            return minimumNumberOfCalls;
        }

        public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        public Duration getWaitDurationInOpenState() {
            return waitDurationInOpenState;
        }

        public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
            this.waitDurationInOpenState = waitDurationInOpenState;
        }

        public int getPermittedNumberOfCallsInHalfOpenState() {
            return permittedNumberOfCallsInHalfOpenState;
        }

        public void setPermittedNumberOfCallsInHalfOpenState(int permittedNumberOfCallsInHalfOpenState) {
            this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
        }
    }
}
