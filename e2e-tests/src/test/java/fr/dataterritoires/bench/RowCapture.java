package fr.dataterritoires.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plain-JDBC baseline of a write path (issue 10 §1): the rows a service wrote during a step, captured from its
 * schema, then written again with plain JDBC into a fresh copy of the schema as it was before the step, transaction by
 * transaction, by as many clients.
 *
 * <p><b>Capture.</b> Before the step, {@link #mark} takes the current transaction id of the server; afterwards every
 * row of the schema whose {@code xmin} is newer was inserted or updated by the step, and rows with the same
 * {@code xmin} were written by the same transaction. Two exceptions, the platform's own tables: the outbox relay
 * updates {@code outbox_event} rows after their commit (publication), so an outbox row is given back to the
 * transaction of the aggregate it names ({@code aggregate_id}, the k-th row of an aggregate to the k-th transaction
 * mentioning it); {@code audit_record} rows are appended again with their sequence and hash chain computed at replay,
 * as {@code AuditTrail} does (lock the head, link, move the head), because the replay's order is not the service's.
 *
 * <p><b>Operations.</b> A transaction that uses a row inserted by another transaction of the step (a foreign-key column
 * holds that row's key) belongs to the same operation (e.g. an application drafted then submitted, the items of one roadmap):
 * an operation's transactions are replayed in their order by one client. A row is inserted by the first transaction of
 * the operation that mentions it and updated (to its final values) by every later one that mentions it, as the service
 * did (a version moved on, a balance changed); a row that existed before the step is updated by every transaction
 * that mentions it.
 *
 * <p>The replay writes each row with {@code INSERT ... SELECT ... FROM json_populate_record(...)}: the service's exact
 * values, conversions done by the server, every constraint, index and trigger of the copy in force.
 */
final class RowCapture {

    static final String OUTBOX = "outbox_event";
    static final String AUDIT = "audit_record";
    static final String AUDIT_HEAD = "audit_head";
    private static final Set<String> SKIPPED = Set.of("flyway_schema_history", AUDIT_HEAD);

    /** A row as captured: its table, the transaction that last wrote it, its values, its key. */
    record Row(String table, long xmin, ObjectNode values, String key, String keyValue) {
    }

    /** One transaction to replay: rows to insert, rows to update (final values), audit records to append. */
    record Transaction(long xmin, List<Row> inserts, List<Row> updates, List<Row> audits) {

        int rows() {
            return inserts.size() + updates.size() + audits.size();
        }
    }

    /** Transactions of one operation, in order: one client replays them. */
    record Operation(List<Transaction> transactions) {
    }

    /** What a step wrote. */
    record Captured(String schema, List<Operation> operations, Map<String, Integer> insertedPerTable,
                    Map<String, Integer> updatedPerTable, int outboxUnattached) {

        int transactions() {
            return operations.stream().mapToInt(o -> o.transactions().size()).sum();
        }

        int rows() {
            return operations.stream().flatMap(o -> o.transactions().stream()).mapToInt(Transaction::rows).sum();
        }
    }

    /** A table of the schema: its key columns and the columns an INSERT may set. */
    /** {@code references}: the table each single-column foreign key of this table names (column → table). */
    record Table(String name, List<String> key, List<String> columns, Map<String, String> references) {
    }

    /** The table a column's values name (its foreign key), or null when the column is no foreign key. */
    @FunctionalInterface
    interface References {
        String of(String table, String column);
    }

    private RowCapture() {
    }

    /** The transaction id after which the step's transactions start (32 bits, as {@code xmin}). */
    static long mark(Connection service) throws SQLException {
        try (Statement s = service.createStatement(); ResultSet r = s.executeQuery("SELECT txid_current()")) {
            r.next();
            return r.getLong(1) & 0xFFFF_FFFFL;
        }
    }

    /** The highest outbox position of the schema (rows after it are the step's). */
    static long outboxMark(Connection service, String schema) throws SQLException {
        try (Statement s = service.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(position), 0) FROM " + schema + "." + OUTBOX)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException noOutbox) {
            return 0;
        }
    }

    static Map<String, Table> tables(Connection connection, String schema) throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        try (PreparedStatement p = connection.prepareStatement("""
                SELECT c.relname,
                       (SELECT array_agg(a.attname ORDER BY array_position(i.indkey, a.attnum))
                          FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                         WHERE i.indrelid = c.oid AND i.indisprimary),
                       (SELECT array_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                           AND a.attgenerated = '' AND a.attidentity <> 'a')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
                """)) {
            p.setString(1, schema);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String name = r.getString(1);
                    if (SKIPPED.contains(name)) {
                        continue;
                    }
                    List<String> key = r.getArray(2) == null ? List.of() : List.of((String[]) r.getArray(2).getArray());
                    List<String> columns = List.of((String[]) r.getArray(3).getArray());
                    tables.put(name, new Table(name, key, columns, new HashMap<>()));
                }
            }
        }
        try (PreparedStatement p = connection.prepareStatement("""
                SELECT c.relname, a.attname, f.relname
                  FROM pg_constraint k
                  JOIN pg_class c ON c.oid = k.conrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_class f ON f.oid = k.confrelid
                  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                 WHERE n.nspname = ? AND k.contype = 'f' AND cardinality(k.conkey) = 1
                """)) {
            p.setString(1, schema);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Table table = tables.get(r.getString(1));
                    if (table != null) {
                        table.references().put(r.getString(2), r.getString(3));
                    }
                }
            }
        }
        return tables;
    }

    /**
     * The rows the step wrote in {@code schema} of the service's database, grouped into operations; {@code before}
     * is the copy of the schema before the step (it tells inserted rows from updated ones).
     */
    static Captured capture(Connection service, Connection before, String schema, long xmin, long outboxMark)
            throws SQLException {
        Map<String, Table> tables = tables(service, schema);
        List<Row> rows = new ArrayList<>();
        List<Row> outbox = new ArrayList<>();
        Set<String> existing = new HashSet<>();
        for (Table table : tables.values()) {
            String key = table.key().isEmpty() ? "NULL" : "json_build_array(" + String.join(", ",
                    table.key().stream().map(RowCapture::quote).toList()) + ")::text";
            String where = " WHERE t.xmin::text::bigint >= " + xmin
                    + (table.name().equals(OUTBOX) ? " AND t.position > " + outboxMark : "");
            String sql = "SELECT t.xmin::text::bigint, row_to_json(t)::text, " + key + " FROM " + schema + "."
                    + quote(table.name()) + " t" + where;
            try (Statement s = service.createStatement(); ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    ObjectNode values = (ObjectNode) EsHttp.JSON.readTree(r.getString(2));
                    String keyText = r.getString(3);
                    String keyValue = table.key().size() == 1 ? text(values.get(table.key().get(0))) : null;
                    Row row = new Row(table.name(), r.getLong(1), values, keyText, keyValue);
                    (table.name().equals(OUTBOX) ? outbox : rows).add(row);
                }
            }
            if (!table.key().isEmpty() && !table.name().equals(OUTBOX) && !table.name().equals(AUDIT)) {
                try (Statement s = before.createStatement();
                     ResultSet r = s.executeQuery("SELECT " + key + " FROM " + schema + "." + quote(table.name()) + " t")) {
                    while (r.next()) {
                        existing.add(table.name() + r.getString(1));
                    }
                }
            }
        }
        return group(rows, outbox, existing::contains, (table, column) -> {
            Table t = tables.get(table);
            return t == null ? null : t.references().get(column);
        });
    }

    /**
     * Groups captured rows into operations and transactions (see the class comment). {@code existed} tells whether a
     * row (table name + key text) was there before the step. Package-private for tests.
     */
    static Captured group(List<Row> rows, List<Row> outbox, java.util.function.Predicate<String> existed,
                          References references) {
        // transactions by xmin, in order
        TreeMap<Long, List<Row>> byXmin = new TreeMap<>();
        for (Row row : rows) {
            byXmin.computeIfAbsent(row.xmin(), x -> new ArrayList<>()).add(row);
        }
        // which transactions name a row through a foreign key (table + key value), and which mention a value at
        // all (for the outbox's aggregates, which no foreign key names). Only foreign keys link rows: any equal value
        // did before, and a number of one table equal to another's generated key chained unrelated transactions
        // and updated append-only rows (préciput: ledger_transaction.year 2026 and seq 1523 against the ledger
        // entries 2026 and 1523; an audit record's sequence likewise). The audit records take no part: no foreign
        // key names them and their documents are copies.
        Map<String, List<Long>> mentions = new HashMap<>();
        Map<String, List<Long>> named = new HashMap<>();
        for (Map.Entry<Long, List<Row>> tx : byXmin.entrySet()) {
            Set<String> seen = new HashSet<>();
            Set<String> seenNamed = new HashSet<>();
            for (Row row : tx.getValue()) {
                if (row.table().equals(AUDIT)) {
                    continue;
                }
                row.values().properties().forEach(e -> {
                    String v = text(e.getValue());
                    if (v == null) {
                        return;
                    }
                    if (v.length() >= 4 && seen.add(v)) {
                        mentions.computeIfAbsent(v, k -> new ArrayList<>()).add(tx.getKey());
                    }
                    String target = references.of(row.table(), e.getKey());
                    if (target != null && seenNamed.add(target + '\u0000' + v)) {
                        named.computeIfAbsent(target + '\u0000' + v, k -> new ArrayList<>()).add(tx.getKey());
                    }
                });
            }
        }
        // outbox rows back to the transactions of their aggregate, in order
        int unattached = 0;
        Map<String, Integer> nextOfAggregate = new HashMap<>();
        Map<Long, List<Row>> outboxOf = new HashMap<>();
        List<Row> orderedOutbox = new ArrayList<>(outbox);
        orderedOutbox.sort(Comparator.comparingLong(r -> r.values().path("position").asLong()));
        for (Row event : orderedOutbox) {
            String aggregate = text(event.values().get("aggregate_id"));
            List<Long> candidates = aggregate == null ? null : mentions.get(aggregate);
            long xmin;
            if (candidates == null || candidates.isEmpty()) {
                unattached++;
                xmin = -event.values().path("position").asLong(); // a transaction of its own
                byXmin.put(xmin, new ArrayList<>());
            } else {
                int k = nextOfAggregate.merge(aggregate, 1, Integer::sum) - 1;
                xmin = candidates.get(Math.min(k, candidates.size() - 1));
            }
            outboxOf.computeIfAbsent(xmin, x -> new ArrayList<>()).add(event);
        }

        // operations: union of transactions linked through a row inserted during the step
        Map<Long, Long> parent = new HashMap<>();
        byXmin.keySet().forEach(x -> parent.put(x, x));
        Function<Long, Long> find = new Function<>() {
            @Override
            public Long apply(Long x) {
                Long p = parent.get(x);
                if (p.equals(x)) {
                    return x;
                }
                Long root = apply(p);
                parent.put(x, root);
                return root;
            }
        };
        Map<String, Integer> inserted = new TreeMap<>();
        Map<String, Integer> updated = new TreeMap<>();
        // for each row: the transactions that write it (first: insert, or update when it existed; later: update)
        Map<Long, List<Row>> insertsOf = new HashMap<>();
        Map<Long, List<Row>> updatesOf = new HashMap<>();
        Map<Long, List<Row>> auditsOf = new HashMap<>();
        for (Row row : rows) {
            if (row.table().equals(AUDIT)) {
                auditsOf.computeIfAbsent(row.xmin(), x -> new ArrayList<>()).add(row);
                continue;
            }
            boolean before = row.key() != null && existed.test(row.table() + row.key());
            List<Long> writers = new ArrayList<>();
            writers.add(row.xmin());
            if (row.keyValue() != null) {
                List<Long> m = named.get(row.table() + '\u0000' + row.keyValue());
                if (m != null) {
                    m.stream().filter(x -> !writers.contains(x)).forEach(writers::add);
                }
            }
            writers.sort(Comparator.naturalOrder());
            if (!before) {
                for (Long w : writers) {
                    parent.put(find.apply(w), find.apply(writers.get(0)));
                }
            }
            for (int i = 0; i < writers.size(); i++) {
                boolean insert = !before && i == 0;
                (insert ? insertsOf : updatesOf).computeIfAbsent(writers.get(i), x -> new ArrayList<>()).add(row);
                (insert ? inserted : updated).merge(row.table(), 1, Integer::sum);
            }
        }
        outboxOf.values().forEach(list -> list.forEach(r -> inserted.merge(OUTBOX, 1, Integer::sum)));
        auditsOf.values().forEach(list -> list.forEach(r -> inserted.merge(AUDIT, 1, Integer::sum)));

        Map<Long, List<Transaction>> operations = new LinkedHashMap<>();
        for (Long x : byXmin.keySet()) {
            List<Row> ins = new ArrayList<>(insertsOf.getOrDefault(x, List.of()));
            ins.addAll(outboxOf.getOrDefault(x, List.of()));
            Transaction tx = new Transaction(x, ins, updatesOf.getOrDefault(x, List.of()),
                    auditsOf.getOrDefault(x, List.of()));
            operations.computeIfAbsent(find.apply(x), r -> new ArrayList<>()).add(tx);
        }
        List<Operation> ops = new ArrayList<>();
        operations.values().forEach(list -> {
            list.sort(Comparator.comparingLong(t -> t.xmin() < 0 ? Long.MAX_VALUE + t.xmin() : t.xmin()));
            ops.add(new Operation(List.copyOf(list)));
        });
        return new Captured(null, ops, inserted, updated, unattached);
    }

    /** Replays one transaction on {@code connection} (auto-commit off), into {@code schema} of the copy. */
    static void replay(Connection connection, String schema, Map<String, Table> tables, Transaction tx)
            throws SQLException {
        try {
            // rows in dependency order: inserts of tables others refer to first is not known here; the copy's
            // foreign keys are checked at the end of each statement, so insert in the service's table order
            for (Row row : orderForInsert(tx.inserts())) {
                Table table = tables.get(row.table());
                List<String> columns = row.table().equals(OUTBOX)
                        ? table.columns().stream().filter(c -> !c.equals("position") && !c.equals("published_at")).toList()
                        : table.columns();
                String list = String.join(", ", columns.stream().map(RowCapture::quote).toList());
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + schema + "." + quote(row.table())
                        + " (" + list + ") SELECT " + list + " FROM json_populate_record(NULL::" + schema + "."
                        + quote(row.table()) + ", ?::json)")) {
                    p.setString(1, row.values().toString());
                    p.executeUpdate();
                }
            }
            for (Row row : tx.updates()) {
                Table table = tables.get(row.table());
                if (table.key().isEmpty()) {
                    continue;
                }
                List<String> columns = table.columns().stream().filter(c -> !table.key().contains(c)).toList();
                if (columns.isEmpty()) {
                    continue;
                }
                String set = String.join(", ", columns.stream().map(RowCapture::quote).toList());
                String key = String.join(", ", table.key().stream().map(RowCapture::quote).toList());
                String record = "json_populate_record(NULL::" + schema + "." + quote(row.table()) + ", ?::json)";
                try (PreparedStatement p = connection.prepareStatement("UPDATE " + schema + "." + quote(row.table())
                        + " SET (" + set + ") = (SELECT " + set + " FROM " + record + ") WHERE (" + key + ") = (SELECT "
                        + key + " FROM " + record + ")")) {
                    p.setString(1, row.values().toString());
                    p.setString(2, row.values().toString());
                    p.executeUpdate();
                }
            }
            if (!tx.audits().isEmpty()) {
                appendAudit(connection, schema, tx.audits());
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Rows of tables that others refer to first: parents (no column naming another row's table) before children. */
    static List<Row> orderForInsert(List<Row> rows) {
        if (rows.size() < 2) {
            return rows;
        }
        Map<String, Row> byKey = new HashMap<>();
        rows.forEach(r -> {
            if (r.keyValue() != null) {
                byKey.put(r.keyValue(), r);
            }
        });
        List<Row> ordered = new ArrayList<>();
        Set<Row> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Row r : rows) {
            visit(r, byKey, done, ordered, new HashSet<>());
        }
        return ordered;
    }

    private static void visit(Row row, Map<String, Row> byKey, Set<Row> done, List<Row> ordered, Set<Row> path) {
        if (done.contains(row) || !path.add(row)) {
            return;
        }
        row.values().properties().forEach(e -> {
            String v = text(e.getValue());
            Row parent = v == null ? null : byKey.get(v);
            if (parent != null && parent != row) {
                visit(parent, byKey, done, ordered, path);
            }
        });
        done.add(row);
        ordered.add(row);
    }

    /** As {@code AuditTrail}: lock the head, append the records chained from it, move the head. */
    private static void appendAudit(Connection connection, String schema, List<Row> audits) throws SQLException {
        long seq;
        String hash;
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT last_seq, last_hash FROM " + schema + "." + AUDIT_HEAD + " FOR UPDATE")) {
            r.next();
            seq = r.getLong(1);
            hash = r.getString(2);
        }
        List<Row> ordered = new ArrayList<>(audits);
        ordered.sort(Comparator.comparingLong(a -> a.values().path("seq").asLong()));
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + schema + "." + AUDIT
                + " (seq, occurred_at, actor, action, target_type, target_id, before, after, prev_hash, hash)"
                + " SELECT ?, occurred_at, actor, action, target_type, target_id, before, after, ?, ?"
                + " FROM json_populate_record(NULL::" + schema + "." + AUDIT + ", ?::json)")) {
            for (Row a : ordered) {
                seq++;
                String next = sha256(hash + "|" + seq + "|" + a.values().path("action").asString() + "|"
                        + a.values().path("target_id").asString() + "|" + a.values().path("after").toString());
                p.setLong(1, seq);
                p.setString(2, hash);
                p.setString(3, next);
                p.setString(4, a.values().toString());
                p.addBatch();
                hash = next;
            }
            p.executeBatch();
        }
        try (PreparedStatement p = connection.prepareStatement("UPDATE " + schema + "." + AUDIT_HEAD
                + " SET last_seq = ?, last_hash = ?")) {
            p.setLong(1, seq);
            p.setString(2, hash);
            p.executeUpdate();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON value as the text that keys compare with (strings and numbers), else null. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainer() || node.isBoolean()) {
            return null;
        }
        return node.isString() ? node.asString() : node.toString();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
