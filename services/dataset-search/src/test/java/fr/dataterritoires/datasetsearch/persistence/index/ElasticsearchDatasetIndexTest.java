package fr.dataterritoires.datasetsearch.persistence.index;

import static fr.dataterritoires.datasetsearch.application.search.TestDatasets.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.indices.IndexState;

import fr.dataterritoires.datasetsearch.application.search.Params;
import fr.dataterritoires.datasetsearch.domain.Dataset;

/** The index's life: created behind its alias, written, rebuilt into a new index while searches keep answering. */
class ElasticsearchDatasetIndexTest {

    SearchIndexHarness harness;

    @BeforeEach
    void harness() {
        harness = new SearchIndexHarness();
    }

    @AfterEach
    void drop() throws Exception {
        harness.close();
    }

    @Test
    void theFirstIndexIsCreatedBehindTheAliasWithTheSharedAnalysisAndTheServiceSynonyms() throws Exception {
        assertThat(harness.index.ensureIndex()).isTrue();
        assertThat(harness.index.ensureIndex()).isFalse();

        Set<String> indices = harness.indices();
        assertThat(indices).singleElement().asString().startsWith(harness.names.alias() + "-v1-");
        IndexState state = harness.client.indices().get(g -> g.index(harness.names.alias())).indices()
                .values().iterator().next();
        assertThat(state.aliases()).containsKey(harness.names.alias());
        assertThat(state.settings().index().numberOfReplicas()).isEqualTo("0");
        String settings = state.settings().toString();
        assertThat(settings).contains("irve, infrastructure de recharge pour véhicules électriques")
                .contains("icu, îlot de chaleur urbain").contains("french_search").contains("fr_keyword");
    }

    @Test
    void aWithdrawnOrRemovedDatasetLeavesTheIndex() {
        Dataset kept = dataset("Arbres d'alignement").build();
        Dataset withdrawn = dataset("Arbres remarquables").build();
        Dataset removed = dataset("Arbres fruitiers").build();
        harness.index(kept, withdrawn, removed);
        assertThat(harness.search(Params.q("arbres").build()).total()).isEqualTo(3);

        withdrawn.dropFrom("test-source", withdrawn.provenance().getFirst().recordKey(), Instant.now());
        harness.index(withdrawn);
        harness.index.remove(List.of(removed.id()));

        assertThat(harness.titles(Params.q("arbres").build())).containsExactly("Arbres d'alignement");
    }

    @Test
    void aRebuildMovesTheAliasAtomicallyWhileSearchesKeepAnswering() throws Exception {
        harness.index(dataset("Arbres d'alignement (ancien index)").build());
        Set<String> before = harness.indices();

        List<Dataset> catalogue = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            catalogue.add(dataset("Arbres remarquables n° " + i).build());
        }
        ElasticsearchDatasetIndex smallBatches = new ElasticsearchDatasetIndex(harness.client, harness.names,
                IndexDefinition.load(), new IndexProperties("datasets", null, null, true, 100, true, 2));

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Thread searcher = new Thread(() -> {
            while (rebuilding.get() || searches.get() < 3) {
                try {
                    long total = harness.search(Params.q("arbres").build()).total();
                    if (total != 1 && total != catalogue.size()) {
                        problems.add("saw " + total + " results: a half-built index");
                    }
                } catch (RuntimeException e) {
                    problems.add(e.toString());
                }
                searches.incrementAndGet();
            }
        });
        searcher.start();
        long indexed;
        try {
            indexed = smallBatches.rebuild(feed -> {
                catalogue.subList(0, 300).forEach(feed);
                // A harvest writing while the rebuild runs: its dataset must survive the swap.
                smallBatches.index(List.of(dataset("Haies bocagères indexées pendant la reconstruction").build()),
                        Instant.now());
                catalogue.subList(300, catalogue.size()).forEach(feed);
            }, Instant.now());
        } finally {
            rebuilding.set(false);
            searcher.join(60_000);
        }

        assertThat(indexed).isEqualTo(catalogue.size());
        assertThat(problems).isEmpty();
        assertThat(searches.get()).isGreaterThanOrEqualTo(3);
        assertThat(harness.search(Params.q("arbres").build()).total()).isEqualTo(catalogue.size());
        assertThat(harness.titles(Params.q("haies bocagères").build()))
                .containsExactly("Haies bocagères indexées pendant la reconstruction");
        Set<String> after = harness.indices();
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
    }

    @Test
    void aFailedRebuildLeavesTheAliasWhereItWasAndNoHalfBuiltIndex() throws Exception {
        harness.index(dataset("Arbres d'alignement").build());
        Set<String> before = harness.indices();

        assertThatThrownBy(() -> harness.index.rebuild(feed -> {
            feed.accept(dataset("Arbres remarquables").build());
            throw new IllegalStateException("catalogue unreadable");
        }, Instant.now())).hasMessageContaining("catalogue unreadable");

        assertThat(harness.indices()).isEqualTo(before);
        assertThat(harness.titles(Params.q("arbres").build())).containsExactly("Arbres d'alignement");
    }
}
