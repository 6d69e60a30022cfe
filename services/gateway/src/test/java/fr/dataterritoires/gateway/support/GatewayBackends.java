package fr.dataterritoires.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import fr.dataterritoires.testing.net.CuttableTcpProxy;
import fr.dataterritoires.testing.process.ServiceProcess;

/**
 * The servers behind the gateway under test, one set per test JVM, and the routes pointing at them:
 * <ul>
 *   <li>{@code echo} and {@code limited} → {@link #recording()} ({@code limited} with a burst of
 *   {@value #LIMITED_BURST} and a very slow refill, to reach the limit in a few requests);</li>
 *   <li>{@code slow} → {@link #silent()}, which never answers, with a response budget of {@value #SLOW_BUDGET};</li>
 *   <li>{@code stalling} and {@code stalling-late} → services that send their status, headers and part of their
 *   body (a few bytes; 256 KB), then nothing, with the same budget;</li>
 *   <li>{@code down} → a loopback port nothing listens on;</li>
 *   <li>{@code roadmaps} → the real roadmaps ({@link RealRoadmaps}, on a port reserved here, started on first use);</li>
 *   <li>the suite's other services → closed ports too (none of them runs in this test JVM).</li>
 * </ul>
 * Rate limits are counted in the real Redis (127.0.0.1:6379, or {@code DT_REDIS_URL}) reached through a
 * {@link CuttableTcpProxy} ({@link #redis()}) so a test can take Redis away; keys are prefixed per run.
 */
public final class GatewayBackends implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final int LIMITED_BURST = 3;
    public static final String SLOW_BUDGET = "1s";
    public static final String CORS_ORIGIN = "https://portail.test.data-territoires.gouv.fr";

    private static RecordingService recording;
    private static SilentService silent;
    private static SilentService stalling;
    private static SilentService stallingLate;
    private static CuttableTcpProxy redis;
    private static int closedPort;
    private static int roadmapsPort;

    public static synchronized RecordingService recording() {
        start();
        return recording;
    }

    public static synchronized SilentService silent() {
        start();
        return silent;
    }

    public static synchronized CuttableTcpProxy redis() {
        start();
        return redis;
    }

    static synchronized int roadmapsPort() {
        start();
        return roadmapsPort;
    }

    private static void start() {
        if (recording != null) {
            return;
        }
        recording = new RecordingService();
        silent = new SilentService();
        stalling = SilentService.stalling(20);
        stallingLate = SilentService.stalling(256 * 1024);
        closedPort = ServiceProcess.freePort();
        roadmapsPort = ServiceProcess.freePort();
        String redisUrl = System.getenv().getOrDefault("DT_REDIS_URL", "redis://127.0.0.1:6379");
        java.net.URI uri = java.net.URI.create(redisUrl);
        try {
            redis = new CuttableTcpProxy(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        String services = "dataterritoires.gateway.services.";
        String closed = "http://127.0.0.1:" + closedPort;
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(services + "echo.url", recording.url());
        properties.put(services + "limited.url", recording.url());
        properties.put(services + "limited.rate-limit.burst-capacity", LIMITED_BURST);
        properties.put(services + "limited.rate-limit.replenish-rate", 0.01);
        properties.put(services + "slow.url", silent.url());
        properties.put(services + "slow.response-timeout", SLOW_BUDGET); // the others keep the default 15 s
        properties.put(services + "stalling.url", stalling.url());
        properties.put(services + "stalling.response-timeout", SLOW_BUDGET);
        properties.put(services + "stalling-late.url", stallingLate.url());
        properties.put(services + "stalling-late.response-timeout", SLOW_BUDGET);
        properties.put(services + "down.url", closed);
        properties.put(services + "roadmaps.url", "http://127.0.0.1:" + roadmapsPort);
        for (String other : new String[] {"dataset-search", "commons-calls", "exchanges", "replication"}) {
            properties.put(services + other + ".url", closed);
        }
        properties.put("dataterritoires.gateway.rate-limit.key-prefix",
                "dt-test-" + HexFormat.of().formatHex(randomBytes()) + ":");
        properties.put("dataterritoires.gateway.rate-limit.redis-retry-interval", "1s");
        properties.put("dataterritoires.gateway.cors.allowed-origins", CORS_ORIGIN);
        properties.put("spring.data.redis.url", "redis://127.0.0.1:" + redis.port());
        // a loaded 2-core machine must not turn a slow handshake into a fallback; a cut proxy refuses at once anyway
        properties.put("spring.data.redis.timeout", "5s");
        properties.put("spring.data.redis.connect-timeout", "5s");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("gateway-test-backends",
                properties));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
