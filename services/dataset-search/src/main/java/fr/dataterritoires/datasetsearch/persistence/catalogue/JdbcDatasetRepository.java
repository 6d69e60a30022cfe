package fr.dataterritoires.datasetsearch.persistence.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.catalogue.IdentityKeys;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.DemandSignals;
import fr.dataterritoires.datasetsearch.domain.Provenance;

/**
 * The catalogue in PostgreSQL: a {@code dataset} row (merged view, demand, status, version) and one
 * {@code dataset_provenance} row per source carrying it. A withdrawn dataset keeps its last merged view, so that it
 * can still be recognised when a source publishes it again and named in a 410 answer.
 */
@Repository
public class JdbcDatasetRepository implements DatasetRepository {

    private static final String DATASET_COLUMNS = "id, status, priority_declarations, national_priority, "
            + "access_requests, created, withdrawn_at, version";
    private static final int PAGE = 500;

    private final JdbcClient jdbc;

    public JdbcDatasetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Dataset> find(DatasetId id) {
        return load("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE id = :id", Map.of("id", id.value()))
                .stream().findFirst();
    }

    @Override
    public List<Dataset> findAll(Collection<DatasetId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE id IN (:ids)",
                Map.of("ids", ids.stream().map(DatasetId::value).distinct().toList()));
    }

    @Override
    public Optional<Dataset> findForUpdate(DatasetId id) {
        return load("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE id = :id FOR UPDATE", Map.of("id", id.value()))
                .stream().findFirst();
    }

    @Override
    public Optional<Dataset> findByReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        try {
            return find(new DatasetId(UUID.fromString(reference.strip())));
        } catch (IllegalArgumentException notAnId) {
            // a source URI or a landing page
        }
        String key = IdentityKeys.normalise(reference);
        return jdbc.sql("""
                        SELECT d.id FROM dataset d
                        WHERE d.id IN (SELECT id FROM dataset WHERE source_uri = :key OR landing_page = :key
                                       UNION ALL
                                       SELECT dataset_id FROM dataset_provenance
                                       WHERE source_uri = :key OR landing_page = :key)
                        ORDER BY (d.status = 'PUBLISHED') DESC, d.created, d.id
                        LIMIT 1""")
                .param("key", key)
                .query(UUID.class).optional()
                .flatMap(id -> find(new DatasetId(id)));
    }

    @Override
    public Optional<Dataset> findByProvenance(String sourceId, String recordKey) {
        return load("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE id = (SELECT dataset_id FROM dataset_provenance "
                        + "WHERE source_id = :source AND record_key = :key)",
                Map.of("source", sourceId, "key", recordKey)).stream().findFirst();
    }

    @Override
    public Map<String, Dataset> findByProvenance(String sourceId, Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<String>> keysByDataset = new LinkedHashMap<>();
        jdbc.sql("SELECT dataset_id, record_key FROM dataset_provenance WHERE source_id = :source "
                        + "AND record_key IN (:keys)")
                .param("source", sourceId).param("keys", List.copyOf(recordKeys))
                .query(rs -> {
                    keysByDataset.computeIfAbsent(rs.getObject("dataset_id", UUID.class), id -> new ArrayList<>())
                            .add(rs.getString("record_key"));
                });
        Map<String, Dataset> found = new LinkedHashMap<>();
        if (keysByDataset.isEmpty()) {
            return found;
        }
        for (Dataset dataset : load("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE id IN (:ids)",
                Map.of("ids", List.copyOf(keysByDataset.keySet())))) {
            keysByDataset.get(dataset.id().value()).forEach(key -> found.put(key, dataset));
        }
        return found;
    }

    @Override
    public Optional<Dataset> findByIdentity(String sourceUriKey, String landingPageKey, String excludingSourceId) {
        if (sourceUriKey == null && landingPageKey == null) {
            return Optional.empty();
        }
        // an absent key becomes the empty text, which no row holds (keys are never blank)
        String uri = sourceUriKey == null ? "" : sourceUriKey;
        String page = landingPageKey == null ? "" : landingPageKey;
        return jdbc.sql("""
                        SELECT d.id FROM dataset d
                        WHERE d.id IN (SELECT id FROM dataset WHERE source_uri = :uri OR landing_page = :page
                                       UNION ALL
                                       SELECT dataset_id FROM dataset_provenance
                                       WHERE source_uri = :uri OR landing_page = :page)
                          AND NOT EXISTS (SELECT 1 FROM dataset_provenance p
                                          WHERE p.dataset_id = d.id AND p.source_id = :source)
                        ORDER BY (d.status = 'PUBLISHED') DESC, d.created, d.id
                        LIMIT 1""")
                .param("uri", uri)
                .param("page", page)
                .param("source", excludingSourceId)
                .query(UUID.class).optional()
                .flatMap(id -> find(new DatasetId(id)));
    }

    @Override
    public List<String> recordKeys(String sourceId) {
        return jdbc.sql("SELECT record_key FROM dataset_provenance WHERE source_id = :source")
                .param("source", sourceId).query(String.class).list();
    }

    @Override
    public void touch(String sourceId, Collection<String> recordKeys, Instant seen) {
        if (recordKeys.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE dataset_provenance SET last_seen = GREATEST(last_seen, :seen) "
                        + "WHERE source_id = :source AND record_key IN (:keys)")
                .param("seen", Timestamp.from(seen))
                .param("source", sourceId)
                .param("keys", List.copyOf(recordKeys))
                .update();
    }

    @Override
    public void insert(Dataset dataset) {
        DatasetDescription view = dataset.description(Instant.now()).orElseThrow(
                () -> new IllegalArgumentException("A new dataset is carried by at least one source"));
        jdbc.sql("""
                        INSERT INTO dataset (id, status, description, title, source_uri, landing_page,
                                             priority_declarations, national_priority, access_requests, created,
                                             withdrawn_at, version)
                        VALUES (:id, :status, CAST(:description AS jsonb), :title, :sourceUri, :landingPage,
                                :priority, :national, :requests, :created, :withdrawnAt, 0)""")
                .param("id", dataset.id().value())
                .param("status", dataset.status().name())
                .param("description", DescriptionJson.write(view))
                .param("title", view.title())
                .param("sourceUri", IdentityKeys.normalise(view.sourceUri()))
                .param("landingPage", IdentityKeys.normalise(view.landingPage()))
                .param("priority", dataset.demand().priorityDeclarations())
                .param("national", dataset.demand().nationalPriority())
                .param("requests", dataset.demand().accessRequests())
                .param("created", Timestamp.from(dataset.created()))
                .param("withdrawnAt", dataset.withdrawnAt().map(Timestamp::from).orElse(null))
                .update();
        insertProvenance(dataset);
    }

    @Override
    public void update(Dataset dataset) {
        Optional<DatasetDescription> view = dataset.description(Instant.now());
        // a withdrawn dataset has no view any more: it keeps its last one
        String sql = view.isPresent()
                ? """
                UPDATE dataset SET status = :status, description = CAST(:description AS jsonb), title = :title,
                       source_uri = :sourceUri, landing_page = :landingPage, priority_declarations = :priority,
                       national_priority = :national, access_requests = :requests, withdrawn_at = :withdrawnAt,
                       version = version + 1
                WHERE id = :id AND version = :version"""
                : """
                UPDATE dataset SET status = :status, priority_declarations = :priority,
                       national_priority = :national, access_requests = :requests, withdrawn_at = :withdrawnAt,
                       version = version + 1
                WHERE id = :id AND version = :version""";
        var statement = jdbc.sql(sql)
                .param("id", dataset.id().value())
                .param("version", dataset.version())
                .param("status", dataset.status().name())
                .param("priority", dataset.demand().priorityDeclarations())
                .param("national", dataset.demand().nationalPriority())
                .param("requests", dataset.demand().accessRequests())
                .param("withdrawnAt", dataset.withdrawnAt().map(Timestamp::from).orElse(null));
        if (view.isPresent()) {
            statement = statement
                    .param("description", DescriptionJson.write(view.get()))
                    .param("title", view.get().title())
                    .param("sourceUri", IdentityKeys.normalise(view.get().sourceUri()))
                    .param("landingPage", IdentityKeys.normalise(view.get().landingPage()));
        }
        if (statement.update() != 1) {
            throw new OptimisticLockingFailureException("Dataset " + dataset.id() + " changed since version "
                    + dataset.version() + " was read");
        }
        jdbc.sql("DELETE FROM dataset_provenance WHERE dataset_id = :id").param("id", dataset.id().value()).update();
        insertProvenance(dataset);
    }

    private void insertProvenance(Dataset dataset) {
        for (Provenance p : dataset.provenance()) {
            jdbc.sql("""
                            INSERT INTO dataset_provenance (dataset_id, source_id, record_key, description, source_uri,
                                                            landing_page, first_seen, last_seen)
                            VALUES (:id, :source, :key, CAST(:description AS jsonb), :sourceUri, :landingPage,
                                    :firstSeen, :lastSeen)""")
                    .param("id", dataset.id().value())
                    .param("source", p.sourceId())
                    .param("key", p.recordKey())
                    .param("description", DescriptionJson.write(p.description()))
                    .param("sourceUri", IdentityKeys.normalise(p.description().sourceUri()))
                    .param("landingPage", IdentityKeys.normalise(p.description().landingPage()))
                    .param("firstSeen", Timestamp.from(p.firstSeen()))
                    .param("lastSeen", Timestamp.from(p.lastSeen()))
                    .update();
        }
    }

    @Override
    public void forEachPublished(Consumer<Dataset> consumer) {
        // keyset pages: no long transaction nor server cursor, and constant memory
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        while (true) {
            List<Dataset> page = first
                    ? load("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE status = 'PUBLISHED' ORDER BY id LIMIT "
                    + PAGE, Map.of())
                    : load("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE status = 'PUBLISHED' AND id > :after "
                    + "ORDER BY id LIMIT " + PAGE, Map.of("after", after));
            first = false;
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().id().value();
        }
    }

    @Override
    public long countPublished() {
        return jdbc.sql("SELECT count(*) FROM dataset WHERE status = 'PUBLISHED'").query(Long.class).single();
    }

    @Override
    public Optional<DatasetDescription> lastView(DatasetId id) {
        return jdbc.sql("SELECT description::text FROM dataset WHERE id = :id").param("id", id.value())
                .query(String.class).optional().map(DescriptionJson::read);
    }

    private record Row(DatasetId id, Dataset.Status status, DemandSignals demand, Instant created,
                       Instant withdrawnAt, long version) {
    }

    /** Runs a dataset query and loads the provenance of the rows found, in their order. */
    private List<Dataset> load(String sql, Map<String, ?> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query(JdbcDatasetRepository::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Provenance>> provenance = new LinkedHashMap<>();
        rows.forEach(r -> provenance.put(r.id().value(), new ArrayList<>()));
        jdbc.sql("""
                        SELECT dataset_id, source_id, record_key, description::text AS description, first_seen, last_seen
                        FROM dataset_provenance WHERE dataset_id IN (:ids)
                        ORDER BY first_seen, source_id, record_key""")
                .param("ids", List.copyOf(provenance.keySet()))
                .query(rs -> {
                    provenance.get(rs.getObject("dataset_id", UUID.class)).add(new Provenance(
                            rs.getString("source_id"), rs.getString("record_key"),
                            DescriptionJson.read(rs.getString("description")),
                            instant(rs, "first_seen"), instant(rs, "last_seen")));
                });
        return rows.stream().map(r -> new Dataset(r.id(), provenance.get(r.id().value()), r.status(), r.demand(),
                r.created(), r.withdrawnAt(), r.version())).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new DatasetId(rs.getObject("id", UUID.class)),
                Dataset.Status.valueOf(rs.getString("status")),
                new DemandSignals(rs.getInt("priority_declarations"), rs.getBoolean("national_priority"),
                        rs.getInt("access_requests")),
                instant(rs, "created"), instant(rs, "withdrawn_at"), rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
