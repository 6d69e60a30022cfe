package fr.dataterritoires.replication.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import fr.dataterritoires.testing.process.ServiceProcess;

/**
 * commons-calls stopped: the service's {@code commons-calls} channel points at a loopback port where nothing listens
 * (a free port, closed again at once), so every funding call fails as it does when the process is down.
 */
public final class StoppedCommonsCalls implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final int DEAD_PORT = freePort();

    public static int port() {
        return DEAD_PORT;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stopped-commons-calls",
                Map.of("spring.grpc.client.channels.commons-calls.address", "static://127.0.0.1:" + DEAD_PORT)));
    }

    private static int freePort() {
        return ServiceProcess.freePort();
    }
}
