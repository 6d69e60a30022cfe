package fr.dataterritoires.testing.backends;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which path the resolver takes, decided without starting anything. */
class BackendResolverDecisionTest {

    private static final LoopbackProber EVERYTHING_ANSWERS = new LoopbackProber() {
        @Override
        public boolean postgres(String host, int port, String username, String password) {
            return true;
        }

        @Override
        public boolean amqp(String host, int port, String username, String password, String virtualHost) {
            return true;
        }

        @Override
        public Optional<String> elasticsearch(String baseUrl) {
            return Optional.of("9.5.3");
        }
    };

    /** Counts how often Docker detection ran: it must not run when an earlier step wins. */
    private static final class DockerSupplier implements BooleanSupplier {
        final boolean answer;
        final AtomicInteger calls = new AtomicInteger();

        DockerSupplier(boolean answer) {
            this.answer = answer;
        }

        @Override
        public boolean getAsBoolean() {
            calls.incrementAndGet();
            return answer;
        }
    }

    @Test
    void testcontainersIsChosenWhenNothingAnswersAndDockerIsAvailable() {
        DockerSupplier docker = new DockerSupplier(true);
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, LoopbackProber.nothingAnswers(), docker)) {
            BackendPlan pg = resolver.planPostgres();
            BackendPlan amqp = resolver.planAmqp();
            BackendPlan es = resolver.planElasticsearch();

            assertThat(pg.source()).isEqualTo(BackendSource.TESTCONTAINERS);
            assertThat(pg.target()).isEqualTo(BackendResolver.POSTGRES_IMAGE);
            assertThat(amqp.source()).isEqualTo(BackendSource.TESTCONTAINERS);
            assertThat(amqp.target()).isEqualTo(BackendResolver.RABBITMQ_IMAGE);
            assertThat(es.source()).isEqualTo(BackendSource.TESTCONTAINERS);
            assertThat(es.target()).startsWith("docker.elastic.co/elasticsearch/elasticsearch:9.");
            // Detected once per resolver, not once per backend.
            assertThat(docker.calls).hasValue(1);
        }
    }

    @Test
    void imagesCanBeOverridden() {
        Map<String, String> env = Map.of("DT_POSTGRES_IMAGE", "postgres:16", "DT_RABBITMQ_IMAGE", "rabbitmq:3.13",
                "DT_ELASTICSEARCH_IMAGE", "docker.elastic.co/elasticsearch/elasticsearch:9.1.0");
        try (BackendResolver resolver = new BackendResolver(env::get, LoopbackProber.nothingAnswers(), () -> true)) {
            assertThat(resolver.planPostgres().target()).isEqualTo("postgres:16");
            assertThat(resolver.planAmqp().target()).isEqualTo("rabbitmq:3.13");
            assertThat(resolver.planElasticsearch().target()).endsWith(":9.1.0");
        }
    }

    @Test
    void embeddedIsChosenWhenNothingAnswersAndThereIsNoDocker() {
        DockerSupplier docker = new DockerSupplier(false);
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, LoopbackProber.nothingAnswers(), docker)) {
            assertThat(resolver.planPostgres().source()).isEqualTo(BackendSource.EMBEDDED);
            assertThat(resolver.planAmqp().source()).isEqualTo(BackendSource.EMBEDDED);
            assertThat(resolver.planElasticsearch().source()).isEqualTo(BackendSource.EMBEDDED);
            assertThat(resolver.planPostgres().detail()).contains("no Docker engine");
        }
    }

    @Test
    void loopbackWinsOverDockerAndDockerIsNotEvenAsked() {
        DockerSupplier docker = new DockerSupplier(true);
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, EVERYTHING_ANSWERS, docker)) {
            BackendPlan pg = resolver.planPostgres();
            assertThat(pg.source()).isEqualTo(BackendSource.LOOPBACK);
            assertThat(pg.target()).isEqualTo("127.0.0.1:5432");
            assertThat(pg.username()).isEqualTo("postgres");
            assertThat(resolver.planAmqp().source()).isEqualTo(BackendSource.LOOPBACK);
            BackendPlan es = resolver.planElasticsearch();
            assertThat(es.source()).isEqualTo(BackendSource.LOOPBACK);
            assertThat(es.target()).isEqualTo("http://127.0.0.1:9200");
            assertThat(es.detail()).contains("9.5.3");
            assertThat(docker.calls).hasValue(0);
        }
    }

    @Test
    void explicitWinsOverEverythingAndIsNotProbed() {
        Map<String, String> env = Map.of(
                "DT_POSTGRES_URL", "jdbc:postgresql://db.example:6543/main?user=app&password=s3cret&ssl=true",
                "DT_AMQP_URL", "amqp://svc:p%40ss@mq.example:5673/dt",
                "DT_ELASTICSEARCH_URL", "https://search.example:9243/");
        DockerSupplier docker = new DockerSupplier(true);
        try (BackendResolver resolver = new BackendResolver(env::get, EVERYTHING_ANSWERS, docker)) {
            BackendPlan pg = resolver.planPostgres();
            assertThat(pg.source()).isEqualTo(BackendSource.EXPLICIT);
            assertThat(pg.username()).isEqualTo("app");
            assertThat(pg.password()).isEqualTo("s3cret");
            assertThat(pg.toString()).doesNotContain("s3cret");

            BackendPlan amqp = resolver.planAmqp();
            assertThat(amqp.source()).isEqualTo(BackendSource.EXPLICIT);
            assertThat(amqp.username()).isEqualTo("svc");
            assertThat(amqp.password()).isEqualTo("p@ss");
            assertThat(amqp.toString()).doesNotContain("p%40ss");

            BackendPlan es = resolver.planElasticsearch();
            assertThat(es.source()).isEqualTo(BackendSource.EXPLICIT);
            assertThat(es.target()).isEqualTo("https://search.example:9243");

            // Explicit backends need no start: resolving them touches no network.
            AmqpBackend broker = resolver.amqp();
            assertThat(broker.host()).isEqualTo("mq.example");
            assertThat(broker.port()).isEqualTo(5673);
            assertThat(broker.virtualHost()).isEqualTo("dt");
            assertThat(resolver.elasticsearch().singleNode()).isFalse();
            assertThat(docker.calls).hasValue(0);
        }
    }

    @Test
    void postgresUserFromEnvironmentWinsOverTheUrl() {
        Map<String, String> env = Map.of("DT_POSTGRES_URL", "jdbc:postgresql://h/db?user=fromurl",
                "DT_POSTGRES_USER", "fromenv", "DT_POSTGRES_PASSWORD", "pw");
        try (BackendResolver resolver = new BackendResolver(env::get, LoopbackProber.nothingAnswers(), () -> false)) {
            PostgresBackend pg = resolver.postgres();
            assertThat(pg.username()).isEqualTo("fromenv");
            assertThat(pg.password()).isEqualTo("pw");
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?user=fromurl");
        }
    }

    @Test
    void embeddedOnlySkipsLoopbackAndDockerButNotExplicit() {
        DockerSupplier docker = new DockerSupplier(true);
        Map<String, String> env = Map.of("DT_BACKENDS", "embedded", "DT_AMQP_URL", "amqp://h");
        try (BackendResolver resolver = new BackendResolver(env::get, EVERYTHING_ANSWERS, docker)) {
            assertThat(resolver.planPostgres().source()).isEqualTo(BackendSource.EMBEDDED);
            assertThat(resolver.planAmqp().source()).isEqualTo(BackendSource.EXPLICIT);
            assertThat(resolver.planElasticsearch().source()).isEqualTo(BackendSource.EMBEDDED);
            assertThat(resolver.planElasticsearch().detail()).isEqualTo("DT_BACKENDS=embedded");
            assertThat(docker.calls).hasValue(0);
        }
    }

    @Test
    void blankExplicitValuesAreIgnored() {
        Map<String, String> env = Map.of("DT_POSTGRES_URL", "  ", "DT_AMQP_URL", "");
        try (BackendResolver resolver = new BackendResolver(env::get, LoopbackProber.nothingAnswers(), () -> false)) {
            assertThat(resolver.planPostgres().source()).isEqualTo(BackendSource.EMBEDDED);
            assertThat(resolver.planAmqp().source()).isEqualTo(BackendSource.EMBEDDED);
        }
    }

    @Test
    void badExplicitUrlsAreRejectedWithTheVariableName() {
        try (BackendResolver resolver = new BackendResolver(
                Map.of("DT_POSTGRES_URL", "postgres://h/db", "DT_AMQP_URL", "http://h")::get,
                LoopbackProber.nothingAnswers(), () -> false)) {
            assertThatThrownBy(resolver::planPostgres).hasMessageContaining("jdbc:postgresql://");
            assertThatThrownBy(resolver::planAmqp).hasMessageContaining("DT_AMQP_URL");
        }
    }

    @Test
    void loopbackPostgresTriesDeveloperCredentialsAfterTrust() {
        LoopbackProber onlyPostgresPassword = new LoopbackProber() {
            @Override
            public boolean postgres(String host, int port, String username, String password) {
                return "postgres".equals(password);
            }

            @Override
            public boolean amqp(String host, int port, String username, String password, String virtualHost) {
                return false;
            }

            @Override
            public Optional<String> elasticsearch(String baseUrl) {
                return Optional.empty();
            }
        };
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, onlyPostgresPassword, () -> false)) {
            BackendPlan pg = resolver.planPostgres();
            assertThat(pg.source()).isEqualTo(BackendSource.LOOPBACK);
            assertThat(pg.password()).isEqualTo("postgres");
        }
    }

    @Test
    void customLoopbackPortsAreProbed() {
        var seen = new java.util.ArrayList<Integer>();
        LoopbackProber recording = new LoopbackProber() {
            @Override
            public boolean postgres(String host, int port, String username, String password) {
                seen.add(port);
                return true;
            }

            @Override
            public boolean amqp(String host, int port, String username, String password, String virtualHost) {
                seen.add(port);
                return true;
            }

            @Override
            public Optional<String> elasticsearch(String baseUrl) {
                seen.add(Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1)));
                return Optional.of("9");
            }
        };
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, recording, () -> false,
                new BackendResolver.LoopbackPorts(15432, 15672, 19200))) {
            resolver.planPostgres();
            resolver.planAmqp();
            resolver.planElasticsearch();
        }
        assertThat(seen).containsExactly(15432, 15672, 19200);
    }
}
