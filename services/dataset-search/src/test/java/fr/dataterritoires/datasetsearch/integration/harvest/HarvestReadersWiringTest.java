package fr.dataterritoires.datasetsearch.integration.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;

import fr.dataterritoires.datasetsearch.application.harvest.SourceReader;
import fr.dataterritoires.datasetsearch.domain.SourceKind;

/** The readers are Spring beans, one per source kind, configured from dataterritoires.harvest.http.*. */
class HarvestReadersWiringTest {

    /** A test configuration, so that no @SpringBootTest of the service scans it in. */
    @TestConfiguration
    @ComponentScan(basePackageClasses = HttpFetcher.class)
    @EnableConfigurationProperties(HarvestHttpProperties.class)
    static class Readers {
    }

    @Test
    void oneReaderPerKindWithBoundTimeouts() {
        new ApplicationContextRunner()
                .withUserConfiguration(Readers.class)
                .withPropertyValues("dataterritoires.harvest.http.connect-timeout=3s",
                        "dataterritoires.harvest.http.read-timeout=45s", "dataterritoires.harvest.http.page-size=50")
                .run(context -> {
                    var kinds = EnumSet.noneOf(SourceKind.class);
                    context.getBeansOfType(SourceReader.class).values().forEach(r -> kinds.add(r.kind()));
                    assertThat(kinds).containsExactlyInAnyOrder(SourceKind.values());
                    assertThat(context.getBeansOfType(SourceReader.class)).hasSize(SourceKind.values().length);
                    HarvestHttpProperties properties = context.getBean(HarvestHttpProperties.class);
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(properties.pageSize()).isEqualTo(50);
                    assertThat(properties.maxPages()).isEqualTo(10_000);
                });
    }
}
