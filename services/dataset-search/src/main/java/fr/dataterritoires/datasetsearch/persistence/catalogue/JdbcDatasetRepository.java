package fr.dataterritoires.datasetsearch.persistence.catalogue;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
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

    private static final String INSERT_DATASET = """
            INSERT INTO dataset (id, status, description, title, source_uri, landing_page, priority_declarations,
                                 national_priority, access_requests, created, withdrawn_at, version)
            VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, 0)""";
    private static final String UPDATE_WITH_VIEW = """
            UPDATE dataset SET status = ?, priority_declarations = ?, national_priority = ?, access_requests = ?,
                   withdrawn_at = ?, description = CAST(? AS jsonb), title = ?, source_uri = ?, landing_page = ?,
                   version = version + 1
            WHERE id = ? AND version = ?""";
    private static final String UPDATE_WITHOUT_VIEW = """
            UPDATE dataset SET status = ?, priority_declarations = ?, national_priority = ?, access_requests = ?,
                   withdrawn_at = ?, version = version + 1
            WHERE id = ? AND version = ?""";
    private static final String INSERT_PROVENANCE = """
            INSERT INTO dataset_provenance (dataset_id, source_id, record_key, description, source_uri, landing_page,
                                            first_seen, last_seen)
            VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)""";
    /**
     * findByIdentity's query for each pair of keys of the arrays (a lateral sub-query per pair, with the same
     * conditions and order), in one round trip.
     */
    private static final String FIND_BY_IDENTITIES = """
            SELECT k.n, m.id
            FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS k(uri, page, n)
            CROSS JOIN LATERAL (
                SELECT d.id FROM dataset d
                WHERE d.id IN (SELECT id FROM dataset WHERE source_uri = k.uri OR landing_page = k.page
                               UNION ALL
                               SELECT dataset_id FROM dataset_provenance
                               WHERE source_uri = k.uri OR landing_page = k.page)
                  AND NOT EXISTS (SELECT 1 FROM dataset_provenance p
                                  WHERE p.dataset_id = d.id AND p.source_id = ?)
                ORDER BY (d.status = 'PUBLISHED') DESC, d.created, d.id
                LIMIT 1) m""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public JdbcDatasetRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
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
        // one array parameter rather than a list of them: one statement text whatever the batch, planned once
        String[] keys = recordKeys.toArray(String[]::new);
        template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT dataset_id, record_key "
                    + "FROM dataset_provenance WHERE source_id = ? AND record_key = ANY (?)");
            statement.setString(1, sourceId);
            statement.setArray(2, connection.createArrayOf("text", keys));
            return statement;
        }, rs -> {
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
    public Map<IdentityKey, Dataset> findByIdentities(Collection<IdentityKey> keys, String excludingSourceId) {
        List<IdentityKey> asked = keys.stream()
                .filter(k -> k.sourceUriKey() != null || k.landingPageKey() != null).distinct().toList();
        if (asked.isEmpty()) {
            return Map.of();
        }
        // a null key matches no row (= NULL is never true), as the empty text of findByIdentity
        String[] uris = asked.stream().map(IdentityKey::sourceUriKey).toArray(String[]::new);
        String[] pages = asked.stream().map(IdentityKey::landingPageKey).toArray(String[]::new);
        Map<IdentityKey, UUID> ids = new LinkedHashMap<>();
        template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(FIND_BY_IDENTITIES);
            Array uriArray = connection.createArrayOf("text", uris);
            Array pageArray = connection.createArrayOf("text", pages);
            statement.setArray(1, uriArray);
            statement.setArray(2, pageArray);
            statement.setString(3, excludingSourceId);
            return statement;
        }, rs -> {
            ids.put(asked.get((int) rs.getLong(1) - 1), rs.getObject(2, UUID.class));
        });
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Dataset> loaded = new HashMap<>();
        load("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE id IN (:ids)",
                Map.of("ids", List.copyOf(new LinkedHashSet<>(ids.values()))))
                .forEach(d -> loaded.put(d.id().value(), d));
        Map<IdentityKey, Dataset> found = new LinkedHashMap<>();
        ids.forEach((key, id) -> {
            Dataset dataset = loaded.get(id);
            if (dataset != null) {
                found.put(key, dataset);
            }
        });
        return found;
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
        String[] keys = recordKeys.toArray(String[]::new);
        template.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("UPDATE dataset_provenance "
                    + "SET last_seen = GREATEST(last_seen, ?) WHERE source_id = ? AND record_key = ANY (?)");
            statement.setTimestamp(1, Timestamp.from(seen));
            statement.setString(2, sourceId);
            statement.setArray(3, connection.createArrayOf("text", keys));
            return statement;
        });
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

    @Override
    public void insertAll(List<Dataset> datasets) {
        if (datasets.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<DatasetDescription, String> written = new IdentityHashMap<>();
        List<Object[]> rows = new ArrayList<>(datasets.size());
        for (Dataset dataset : datasets) {
            DatasetDescription view = dataset.description(now).orElseThrow(
                    () -> new IllegalArgumentException("A new dataset is carried by at least one source"));
            rows.add(new Object[] {dataset.id().value(), dataset.status().name(), json(view, dataset, written),
                    view.title(),
                    IdentityKeys.normalise(view.sourceUri()), IdentityKeys.normalise(view.landingPage()),
                    dataset.demand().priorityDeclarations(), dataset.demand().nationalPriority(),
                    dataset.demand().accessRequests(), Timestamp.from(dataset.created()),
                    dataset.withdrawnAt().map(Timestamp::from).orElse(null)});
        }
        template.batchUpdate(INSERT_DATASET, rows, rows.size(), (ps, row) -> {
            ps.setObject(1, row[0]);
            ps.setString(2, (String) row[1]);
            ps.setString(3, (String) row[2]);
            ps.setString(4, (String) row[3]);
            setText(ps, 5, (String) row[4]);
            setText(ps, 6, (String) row[5]);
            ps.setInt(7, (Integer) row[6]);
            ps.setBoolean(8, (Boolean) row[7]);
            ps.setInt(9, (Integer) row[8]);
            ps.setTimestamp(10, (Timestamp) row[9]);
            setTimestamp(ps, 11, (Timestamp) row[10]);
        });
        insertProvenance(datasets, written);
    }

    @Override
    public void updateAll(List<Dataset> datasets) {
        if (datasets.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<DatasetDescription, String> written = new IdentityHashMap<>();
        // a withdrawn dataset has no view any more: it keeps its last one
        List<Object[]> withView = new ArrayList<>();
        List<Object[]> withoutView = new ArrayList<>();
        for (Dataset dataset : datasets) {
            Optional<DatasetDescription> view = dataset.description(now);
            Object[] common = {dataset.status().name(), dataset.demand().priorityDeclarations(),
                    dataset.demand().nationalPriority(), dataset.demand().accessRequests(),
                    dataset.withdrawnAt().map(Timestamp::from).orElse(null)};
            if (view.isPresent()) {
                DatasetDescription v = view.get();
                withView.add(new Object[] {common, dataset, json(v, dataset, written), v.title(),
                        IdentityKeys.normalise(v.sourceUri()), IdentityKeys.normalise(v.landingPage())});
            } else {
                withoutView.add(new Object[] {common, dataset});
            }
        }
        ParameterizedPreparedStatementSetter<Object[]> setter = (ps, row) -> {
            Object[] common = (Object[]) row[0];
            Dataset dataset = (Dataset) row[1];
            ps.setString(1, (String) common[0]);
            ps.setInt(2, (Integer) common[1]);
            ps.setBoolean(3, (Boolean) common[2]);
            ps.setInt(4, (Integer) common[3]);
            setTimestamp(ps, 5, (Timestamp) common[4]);
            int next = 6;
            if (row.length > 2) {
                ps.setString(6, (String) row[2]);
                ps.setString(7, (String) row[3]);
                setText(ps, 8, (String) row[4]);
                setText(ps, 9, (String) row[5]);
                next = 10;
            }
            ps.setObject(next, dataset.id().value());
            ps.setLong(next + 1, dataset.version());
        };
        if (!withView.isEmpty()) {
            checkVersions(template.batchUpdate(UPDATE_WITH_VIEW, withView, withView.size(), setter), withView);
        }
        if (!withoutView.isEmpty()) {
            checkVersions(template.batchUpdate(UPDATE_WITHOUT_VIEW, withoutView, withoutView.size(), setter),
                    withoutView);
        }
        UUID[] ids = datasets.stream().map(d -> d.id().value()).toArray(UUID[]::new);
        template.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM dataset_provenance WHERE dataset_id = ANY (?)");
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            return statement;
        });
        insertProvenance(datasets, written);
    }

    private static void checkVersions(int[][] counts, List<Object[]> rows) {
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count != 1) {
                    Dataset dataset = (Dataset) rows.get(i)[1];
                    throw new OptimisticLockingFailureException("Dataset " + dataset.id() + " changed since version "
                            + dataset.version() + " was read");
                }
                i++;
            }
        }
    }

    /**
     * The JSON of a merged view; when the dataset has one source, its view is usually that source's description, whose
     * JSON is then kept in {@code written} for its provenance row instead of being written a second time.
     */
    private static String json(DatasetDescription view, Dataset dataset, Map<DatasetDescription, String> written) {
        String json = DescriptionJson.write(view);
        if (dataset.provenance().size() == 1 && dataset.provenance().getFirst().description().equals(view)) {
            written.put(dataset.provenance().getFirst().description(), json);
        }
        return json;
    }

    private void insertProvenance(List<Dataset> datasets, Map<DatasetDescription, String> written) {
        List<Object[]> rows = new ArrayList<>();
        for (Dataset dataset : datasets) {
            for (Provenance p : dataset.provenance()) {
                rows.add(new Object[] {dataset.id().value(), p});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate(INSERT_PROVENANCE, rows, rows.size(), (ps, row) -> {
            Provenance p = (Provenance) row[1];
            ps.setObject(1, row[0]);
            ps.setString(2, p.sourceId());
            ps.setString(3, p.recordKey());
            String json = written.get(p.description());
            ps.setString(4, json != null ? json : DescriptionJson.write(p.description()));
            setText(ps, 5, IdentityKeys.normalise(p.description().sourceUri()));
            setText(ps, 6, IdentityKeys.normalise(p.description().landingPage()));
            ps.setTimestamp(7, Timestamp.from(p.firstSeen()));
            ps.setTimestamp(8, Timestamp.from(p.lastSeen()));
        });
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void setTimestamp(PreparedStatement ps, int index, Timestamp value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, value);
        }
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
    public void refreshStatistics() {
        jdbc.sql("ANALYZE dataset, dataset_provenance").update();
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
