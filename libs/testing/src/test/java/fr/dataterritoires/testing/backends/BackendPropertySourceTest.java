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

    @Test
    void eachContextGetsItsOwnEventsExchangeAndNamespaceWithoutResolvingAnything() {
        AtomicInteger probes = new AtomicInteger();
        LoopbackProber counting = new LoopbackProber() {
            @Override
            public boolean postgres(String host, int port, String username, String password) {
                probes.incrementAndGet();
                return false;
            }

            @Override
            public boolean amqp(String host, int port, String username, String password, String virtualHost) {
                probes.incrementAndGet();
                return false;
            }

            @Override
            public Optional<String> elasticsearch(String baseUrl) {
                probes.incrementAndGet();
                return Optional.empty();
            }
        };
        StandardEnvironment first = new StandardEnvironment();
        StandardEnvironment second = new StandardEnvironment();
        StandardEnvironment pinned = new StandardEnvironment();
        pinned.getPropertySources().addFirst(new MapPropertySource("Inlined Test Properties",
                Map.of("dataterritoires.events.exchange", "chosen.by.the.test")));
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, counting, () -> false)) {
            BackendPropertySource.install(first, resolver, "svc");
            BackendPropertySource.install(second, resolver, "svc");
            BackendPropertySource.install(pinned, resolver, "svc");

            String exchange = first.getProperty("dataterritoires.events.exchange");
            String namespace = first.getProperty("dataterritoires.test.namespace");
            assertThat(exchange).startsWith("dataterritoires.events.test-")
                    .isNotEqualTo(second.getProperty("dataterritoires.events.exchange"));
            assertThat(namespace).matches("dt-test-[0-9a-f]{12}")
                    .isNotEqualTo(second.getProperty("dataterritoires.test.namespace"));
            // stable within a context
            assertThat(first.getProperty("dataterritoires.events.exchange")).isEqualTo(exchange);
            assertThat(first.getProperty("dataterritoires.test.namespace")).isEqualTo(namespace);
            assertThat(pinned.getProperty("dataterritoires.events.exchange")).isEqualTo("chosen.by.the.test");
            assertThat(probes).hasValue(0);
        }
    }
}
