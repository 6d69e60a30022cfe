package fr.dataterritoires.roadmaps.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.roadmaps.domain.roadmap.Issuer;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.Period;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.support.ServiceTest;

/**
 * Saving a roadmap writes only the items that changed (issue 10 §5: rewriting every item made each change cost as many
 * deletes and inserts as the roadmap has items). A row's {@code xmin} is the transaction that last wrote it: it moves
 * only for the rows a save rewrote.
 */
@ServiceTest
class ItemWritesTest {

    @Autowired
    JdbcRoadmapStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    Roadmap roadmap;

    @BeforeEach
    void aRoadmapWithThreeItems() {
        // a ministerial section (one year, its own): data returns fit there
        int year = jdbc.queryForObject("SELECT COALESCE(max(start_year), 2059) + 1 FROM roadmap WHERE kind = 'MINISTERIAL' "
                + "AND ministry_code = 'MTECT' AND start_year >= 2060", Integer.class);
        Roadmap started = Roadmap.start(Issuer.ofMinistry("MTECT"), new Period(year, year), "Écritures", now());
        for (String title : List.of("un", "deux", "trois")) {
            started.addItem(item(title));
        }
        store.insert(started, now());
        roadmap = store.findForUpdate(started.id()).orElseThrow();
    }

    @Test
    void aChangedItemAndAnAddedOneAreTheOnlyRowsWritten() {
        Map<String, String> before = rowVersions();
        List<Item> items = roadmap.items();
        roadmap.replaceItem(items.get(1).id(), Item.create(items.get(1).id(), "deux, revu", null, null, 3,
                new ItemContent.DataReturn("deux", 30, 5), null, null, List.of()));
        roadmap.addItem(item("quatre"));

        store.update(roadmap, now());

        Map<String, String> after = rowVersions();
        assertThat(after.keySet()).containsExactly("un", "deux, revu", "trois", "quatre");
        assertThat(after.get("un")).as("unchanged item not rewritten").isEqualTo(before.get("un"));
        assertThat(after.get("trois")).as("unchanged item not rewritten").isEqualTo(before.get("trois"));
        assertThat(after.get("deux, revu")).as("the changed item is rewritten").isNotEqualTo(before.get("deux"));
        assertStoredAsInMemory();
    }

    @Test
    void theLastItemRemovedIsTheOnlyRowDeleted() {
        Map<String, String> before = rowVersions();
        roadmap.removeItem(roadmap.items().get(2).id());

        store.update(roadmap, now());

        assertThat(rowVersions()).containsExactly(Map.entry("un", before.get("un")), Map.entry("deux", before.get("deux")));
        assertStoredAsInMemory();
    }

    @Test
    void itemsThatMoveAreRewrittenInTheirNewOrder() {
        roadmap.removeItem(roadmap.items().get(0).id());
        roadmap.addItem(item("quatre"));

        store.update(roadmap, now());

        assertThat(rowVersions().keySet()).containsExactly("deux", "trois", "quatre");
        assertStoredAsInMemory();
    }

    @Test
    void aRoadmapReadForUpdateIsComparedInMemoryTheUnchangedItemsCostNoStatement() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            Roadmap read = store.findForUpdate(roadmap.id()).orElseThrow();
            List<Item> items = read.items();
            read.replaceItem(items.get(1).id(), Item.create(items.get(1).id(), "deux, revu", null, null, 3,
                    new ItemContent.DataReturn("deux", 30, 5), null, null, List.of()));
            read.addItem(item("quatre"));
            long scansBefore = itemScansInThisTransaction();

            store.update(read, now());

            // the changed item's UPDATE is the only statement that looks rows of roadmap_item up (the added item is
            // an INSERT): before, the save read the stored positions and sent an UPDATE for each of the three kept
            assertThat(itemScansInThisTransaction() - scansBefore).isEqualTo(1);
        });
        Roadmap stored = store.find(roadmap.id()).orElseThrow();
        assertThat(stored.items()).extracting(Item::title).containsExactly("un", "deux, revu", "trois", "quatre");
    }

    @Test
    void aRoadmapNotReadForUpdateIsComparedByTheDatabase() {
        Roadmap read = store.find(roadmap.id()).orElseThrow();
        Map<String, String> before = rowVersions();
        read.replaceItem(read.items().get(1).id(), Item.create(read.items().get(1).id(), "deux, revu", null, null, 3,
                new ItemContent.DataReturn("deux", 30, 5), null, null, List.of()));

        store.update(read, now());

        Map<String, String> after = rowVersions();
        assertThat(after.keySet()).containsExactly("un", "deux, revu", "trois");
        assertThat(after.get("un")).isEqualTo(before.get("un"));
        assertThat(after.get("trois")).isEqualTo(before.get("trois"));
        assertThat(store.find(roadmap.id()).orElseThrow().items()).containsExactlyElementsOf(read.items());
    }

    /** Sequential and index scans of roadmap_item by this transaction so far (PostgreSQL's own counters). */
    private long itemScansInThisTransaction() {
        return jdbc.queryForObject("SELECT COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0) FROM pg_stat_xact_user_tables "
                + "WHERE relname = 'roadmap_item'", Long.class);
    }

    private void assertStoredAsInMemory() {
        Roadmap stored = store.find(roadmap.id()).orElseThrow();
        assertThat(stored.items()).containsExactlyElementsOf(roadmap.items());
        assertThat(stored.version()).isEqualTo(roadmap.version() + 1);
    }

    /** Title → the transaction that last wrote the row, in position order. */
    private Map<String, String> rowVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        jdbc.query("SELECT title, xmin::text AS written_by FROM roadmap_item WHERE roadmap_id = ? ORDER BY position",
                rs -> {
                    versions.put(rs.getString("title"), rs.getString("written_by"));
                }, roadmap.id());
        return versions;
    }

    private static Item item(String title) {
        return Item.create(UUID.randomUUID(), title, null, null, 1, new ItemContent.DataReturn(title, 30, 10), null, null,
                List.of());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
