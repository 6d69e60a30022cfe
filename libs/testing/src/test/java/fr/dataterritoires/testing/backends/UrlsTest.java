package fr.dataterritoires.testing.backends;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlsTest {

    @Test
    void jdbcUrlKeepsServerAndParametersWhenTheDatabaseChanges() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "t_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/t_1");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2/main?ssl=true&user=x", "t_1"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/t_1?ssl=true&user=x");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:5432?user=x", "t_1"))
                .isEqualTo("jdbc:postgresql://h:5432/t_1?user=x");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h", "t_1")).isEqualTo("jdbc:postgresql://h/t_1");
    }

    @Test
    void jdbcUrlParts() {
        assertThat(JdbcUrls.database("jdbc:postgresql://h:1/main?x=y")).isEqualTo("main");
        assertThat(JdbcUrls.database("jdbc:postgresql://h:1")).isEqualTo("postgres");
        assertThat(JdbcUrls.hosts("jdbc:postgresql://h:1/main")).isEqualTo("h:1");
        assertThat(JdbcUrls.param("jdbc:postgresql://h/d?user=a&password=p%26q", "password")).isEqualTo("p&q");
        assertThat(JdbcUrls.param("jdbc:postgresql://h/d", "user")).isNull();
    }

    @Test
    void databaseNamesAreSafeAndUnique() {
        String a = PostgresServer.databaseName("Roadmaps-IT test");
        String b = PostgresServer.databaseName("Roadmaps-IT test");
        assertThat(a).matches("roadmaps_it_test_[0-9a-f]{12}").isNotEqualTo(b);
        assertThat(PostgresServer.databaseName("1st")).startsWith("db_1st_");
        assertThat(PostgresServer.databaseName(null)).startsWith("test_");
        assertThat(PostgresServer.databaseName("x".repeat(100))).hasSize(40 + 13);
    }

    @Test
    void amqpUrlsFollowRabbitMqConventions() {
        AmqpBroker slash = AmqpBroker.parse(BackendSource.EXPLICIT, "amqp://guest:guest@127.0.0.1:5672/%2F");
        assertThat(slash.virtualHost()).isEqualTo("/");
        assertThat(slash.port()).isEqualTo(5672);
        AmqpBroker bare = AmqpBroker.parse(BackendSource.EXPLICIT, "amqp://h");
        assertThat(bare.virtualHost()).isEqualTo("/");
        assertThat(bare.username()).isEqualTo("guest");
        assertThat(bare.port()).isEqualTo(5672);
        assertThat(AmqpBroker.parse(BackendSource.EXPLICIT, "amqps://h/").port()).isEqualTo(5671);
        // The default virtual host is written without a path (Spring Boot reads "/%2F" literally).
        assertThat(AmqpBroker.of(BackendSource.EMBEDDED, "127.0.0.1", 1234, "guest", "guest", "/").uri())
                .isEqualTo("amqp://guest:guest@127.0.0.1:1234");
        assertThat(slash.uri()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
        AmqpBroker named = AmqpBroker.parse(BackendSource.EXPLICIT, "amqp://u:p@h:5672/data%2Fterritoires");
        assertThat(named.virtualHost()).isEqualTo("data/territoires");
        assertThat(named.uri()).isEqualTo("amqp://u:p@h:5672/data%2Fterritoires");
    }

    @Test
    void passwordsAreRedacted() {
        assertThat(Redaction.redact("amqp://u:secret@h:1/v")).isEqualTo("amqp://u:***@h:1/v");
        assertThat(Redaction.redact("jdbc:postgresql://h/d?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/d?user=u&password=***&ssl=true");
    }

    @Test
    void elasticsearchVersionIsReadFromTheRootJson() {
        String root = """
                {"name":"n","cluster_name":"c","version":{"number":"9.5.3","lucene_version":"10.5.1"},"tagline":"You Know, for Search"}
                """;
        assertThat(RealLoopbackProber.versionOf(root)).contains("9.5.3");
        assertThat(RealLoopbackProber.versionOf("{\"status\":405}")).isEmpty();
        assertThat(RealLoopbackProber.versionOf("<html>")).isEmpty();
    }
}
