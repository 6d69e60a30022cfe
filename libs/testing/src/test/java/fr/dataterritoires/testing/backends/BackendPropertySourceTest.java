package fr.dataterritoires.testing.backends;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BackendPropertySourceTest {

    @Test
    void resolvesOnlyWhatIsReadAndLetsInlinedTestPropertiesWin() {
        AtomicInteger amqpProbes = new AtomicInteger();
        AtomicInteger esProbes = new AtomicInteger();
        LoopbackProber counting = new LoopbackProber() {
            @Override
            public boolean postgres(String host, int port, String username, String password) {
                return false;
            }

            @Override
            public boolean amqp(String host, int port, String username, String password, String virtualHost) {
                amqpProbes.incrementAndGet();
                return true;
            }

            @Override
            public Optional<String> elasticsearch(String baseUrl) {
                esProbes.incrementAndGet();
                return Optional.of("9.5.3");
            }
        };
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("Inlined Test Properties",
                Map.of("spring.rabbitmq.virtual-host", "from-test")));
        environment.getPropertySources().addLast(new MapPropertySource("application",
                Map.of("spring.rabbitmq.host", "rabbit.internal")));
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, counting, () -> false)) {
            BackendPropertySource.install(environment, resolver, "lazy");

            assertThat(esProbes).hasValue(0);
            assertThat(environment.getProperty("spring.rabbitmq.host")).isEqualTo("127.0.0.1");
            assertThat(environment.getProperty("spring.rabbitmq.port")).isEqualTo("5672");
            assertThat(environment.getProperty("spring.rabbitmq.virtual-host")).isEqualTo("from-test");
            assertThat(environment.getProperty("unrelated.property")).isNull();
            // AMQP resolved once; Elasticsearch never, because nobody read its property.
            assertThat(amqpProbes).hasValue(1);
            assertThat(esProbes).hasValue(0);
            assertThat(environment.getProperty("spring.elasticsearch.uris")).isEqualTo("http://127.0.0.1:9200");
            assertThat(esProbes).hasValue(1);
        }
    }
}
