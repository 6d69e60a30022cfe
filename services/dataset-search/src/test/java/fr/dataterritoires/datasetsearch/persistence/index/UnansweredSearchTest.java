package fr.dataterritoires.datasetsearch.persistence.index;

import static fr.dataterritoires.datasetsearch.application.search.TestDatasets.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import fr.dataterritoires.datasetsearch.application.demand.UnansweredSearches;
import fr.dataterritoires.datasetsearch.application.search.DatasetSearch;
import fr.dataterritoires.datasetsearch.application.search.Params;
import fr.dataterritoires.datasetsearch.application.search.SearchProperties;
import fr.dataterritoires.datasetsearch.application.search.UseProfiles;
import fr.dataterritoires.datasetsearch.domain.Granularity;

/**
 * The search use case on the real index reports searches with text that found nothing to the demand port (its
 * implementation belongs to the demand side; here a recorder receives the calls exactly as it would).
 */
class UnansweredSearchTest {

    record Recorded(String text, String territory, Instant at) {
    }

    static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");
    static final List<Recorded> RECORDED = new CopyOnWriteArrayList<>();
    static SearchIndexHarness harness;
    static DatasetSearch search;

    @BeforeAll
    static void setUp() {
        harness = new SearchIndexHarness();
        harness.index(dataset("Cadastre solaire de Grenoble").coverage(Granularity.OTHER, "commune:38185").build());
        UnansweredSearches recorder = (text, territory, at) -> RECORDED.add(new Recorded(text, territory, at));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of(
                "unanswered", recorder, "clock", Clock.fixed(AT, ZoneOffset.UTC)));
        // A budget no loaded machine can exceed: this test is about demand, not time.
        SearchProperties limits = new SearchProperties(java.time.Duration.ofSeconds(60), 20, 100, 10_000, 500, 50, 5);
        search = new DatasetSearch(harness.search, harness.parser, limits, new UseProfiles(),
                beans.getBeanProvider(UnansweredSearches.class), beans.getBeanProvider(Clock.class));
    }

    @AfterAll
    static void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void aTextSearchThatFindsNothingIsRecordedWithItsTerritory() {
        RECORDED.clear();
        search.search(Params.q("  potentiel   géothermique ").territory("38185").build());
        search.search(Params.q("cadastre solaire").build());
        search.search(Params.none().territory("commune:69123").build());

        assertThat(RECORDED).containsExactly(new Recorded("potentiel géothermique", "commune:38185", AT));
    }
}
