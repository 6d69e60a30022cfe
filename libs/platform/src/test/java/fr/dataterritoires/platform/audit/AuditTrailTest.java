package fr.dataterritoires.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;


/** The audit trail against a real PostgreSQL, tampered with as a superuser would. */
class AuditTrailTest {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private AuditTrail trail;
    private AuditVerifier verifier;

    @BeforeEach
    void setUp() {
        dataSource = AuditDatabase.create("audit", 6);
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        trail = new AuditTrail(dataSource);
        verifier = new AuditVerifier(dataSource);
    }

    @AfterEach
    void tearDown() {
        AuditDatabase.drop(dataSource);
    }

    @Test
    void concurrentAppendsMakeOneLinearChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> tx.executeWithoutResult(status -> trail.record("agent-" + (n % 3), "roadmap.updated",
                        "Roadmap", "roadmap-" + (n % 5), Map.of("status", "DRAFT", "version", n),
                        Map.of("status", "SUBMITTED", "version", n + 1, "note", "é \"quoted\" 1.50")))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // a rolled-back append leaves no trace and no gap
        tx.executeWithoutResult(status -> {
            trail.record("agent-x", "roadmap.deleted", "Roadmap", "roadmap-1", Map.of("a", 1), null);
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForList("SELECT seq FROM audit_record ORDER BY seq", Long.class))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(trail.lastSeq()).as("the committed head, the rolled-back append left out").isEqualTo(40);
        AuditVerification report = verifier.verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record r JOIN audit_record p ON p.seq = r.seq - 1 "
                + "WHERE r.prev_hash <> p.hash", Integer.class)).isZero();
    }

    @Test
    void aBatchOfEntriesBecomesConsecutiveLinksOfTheSameChain() {
        append(2);
        List<AuditTrail.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            entries.add(new AuditTrail.Entry("dataset-search", i % 2 == 0 ? "dataset.created" : "dataset.updated",
                    "dataset", "d-" + i, i % 2 == 0 ? null : Map.of("title", "avant « " + i + " »"),
                    Map.of("title", "Jeu n°" + i, "score", 0.5 + i / 1000.0)));
        }
        tx.executeWithoutResult(status -> trail.recordAll(entries));
        tx.executeWithoutResult(status -> trail.record("coordinator-1", "roadmap.submitted", "Roadmap", "r-last", null,
                Map.of("status", "SUBMITTED")));

        assertThat(jdbc.queryForList("SELECT target_id FROM audit_record WHERE seq BETWEEN 3 AND 152 ORDER BY seq",
                String.class)).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 150).mapToObj(i -> "d-" + i).toList());
        assertThat(jdbc.queryForObject("SELECT target_id FROM audit_record WHERE seq = 152", String.class))
                .isEqualTo("d-149");
        assertThat(jdbc.queryForObject("SELECT before IS NULL FROM audit_record WHERE seq = 3", Boolean.class)).isTrue();
        AuditVerification report = verifier.verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(153);
        tx.executeWithoutResult(status -> trail.recordAll(List.of()));
        assertThat(jdbc.queryForObject("SELECT last_seq FROM audit_head", Long.class)).isEqualTo(153);
    }

    @Test
    void theHeadIsLockedOnlyWhileATransactionCommitsNotFromItsRecordOn() throws Exception {
        append(1);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "DRAFT");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            tx.executeWithoutResult(status -> {
                trail.record("committee-1", "roadmap.item-added", "Roadmap", "r-open", null, after);
                trail.record("committee-1", "roadmap.item-added", "Roadmap", "r-open", null, Map.of("items", 2));
                // the document is taken as it was when recorded
                after.put("status", "CHANGED AFTERWARDS");
                // while this transaction is open, another audited transaction commits: before, it waited on the
                // head this one had locked at its first record, until this one committed (here: never, a deadlock)
                Future<?> concurrent = other.submit(() -> tx.executeWithoutResult(s -> trail.record("committee-2",
                        "roadmap.item-added", "Roadmap", "r-other", null, Map.of("items", 1))));
                try {
                    concurrent.get(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other transaction could not commit while this one was open", e);
                }
                assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE target_id = 'r-open'",
                        Integer.class)).as("nothing appended before the commit").isZero();
            });
        } finally {
            other.shutdownNow();
        }
        // the chain follows the commits: the other transaction's record first, then this one's two
        assertThat(jdbc.queryForList("SELECT target_id FROM audit_record ORDER BY seq", String.class))
                .containsExactly("r-1", "r-other", "r-open", "r-open");
        assertThat(jdbc.queryForObject("SELECT after->>'status' FROM audit_record WHERE seq = 3", String.class))
                .isEqualTo("DRAFT");
        assertThat(verifier.verify().ok()).isTrue();

        // a transaction that rolls back appends nothing
        tx.executeWithoutResult(status -> {
            trail.record("committee-1", "roadmap.item-added", "Roadmap", "r-rolled-back", null, Map.of("items", 3));
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record", Integer.class)).isEqualTo(4);
    }

    @Test
    void recordNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> trail.record("a", "b", "c", "d", null, Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        append(3);
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_record SET actor = 'mallory' WHERE seq = 2"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_record WHERE seq = 3"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_record CASCADE"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        // the head can neither be rewound nor pointed at a forged record, nor jump over a gap or a broken link
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_head SET last_seq = 2"))
                .isInstanceOf(DataAccessException.class);
        String lastHash = jdbc.queryForObject("SELECT hash FROM audit_record WHERE seq = 3", String.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_head SET last_seq = 3, last_hash = repeat('b', 64)"))
                .isInstanceOf(DataAccessException.class);
        asSuperuserWithoutTriggers("INSERT INTO audit_record (seq, occurred_at, actor, action, target_type, target_id, "
                + "prev_hash, hash) VALUES (5, now(), 'mallory', 'x', 'y', 'z', '" + lastHash + "', repeat('c', 64))");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_head SET last_seq = 5, last_hash = repeat('c', 64)"))
                .as("record 4 is missing").isInstanceOf(DataAccessException.class);
        asSuperuserWithoutTriggers("INSERT INTO audit_record (seq, occurred_at, actor, action, target_type, target_id, "
                + "prev_hash, hash) VALUES (4, now(), 'mallory', 'x', 'y', 'z', repeat('d', 64), repeat('e', 64))");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_head SET last_seq = 5, last_hash = repeat('c', 64)"))
                .as("record 4 does not follow record 3, nor 5 record 4").isInstanceOf(DataAccessException.class);
        asSuperuserWithoutTriggers("DELETE FROM audit_record WHERE seq IN (4, 5)");
        assertThat(verifier.verify().ok()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record", Integer.class)).isEqualTo(3);
    }

    @Test
    void anAlteredRecordIsReported() {
        append(10);
        asSuperuserWithoutTriggers("UPDATE audit_record SET after = '{\"status\": \"APPROVED\"}' WHERE seq = 7");

        AuditVerification report = verifier.verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(7L);
        assertThat(report.reason()).contains("altered");
    }

    @Test
    void anAlteredRecordWhoseHashWasRecomputedStillBreaksTheChain() {
        append(10);
        // the forger rewrites record 4's hash too: record 5 no longer follows it
        asSuperuserWithoutTriggers("UPDATE audit_record SET hash = repeat('a', 64) WHERE seq = 4");

        AuditVerification report = verifier.verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(4L);
    }

    @Test
    void aDeletedRecordIsReported() {
        append(10);
        asSuperuserWithoutTriggers("DELETE FROM audit_record WHERE seq = 4");

        AuditVerification report = verifier.verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(4L);
        assertThat(report.reason()).contains("missing");
    }

    @Test
    void aDeletedTailIsReported() {
        append(10);
        asSuperuserWithoutTriggers("DELETE FROM audit_record WHERE seq >= 9");

        AuditVerification report = verifier.verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(9L);
        assertThat(report.reason()).contains("end of the chain");
    }

    @Test
    void verifyInsideACallersTransactionUsesItsOwnSnapshot() throws Exception {
        append(3);
        // One DataSource for the caller's transaction and the verifier (so that they could share a
        // connection), which lets another thread commit an append between the verifier's head read
        // and its walk of the records.
        AtomicBoolean armed = new AtomicBoolean();
        DataSource hooked = appendBeforeTheRecordsAreRead(dataSource, armed);
        AuditVerifier hookedVerifier = new AuditVerifier(hooked);

        AuditVerification report = new TransactionTemplate(new DataSourceTransactionManager(hooked)).execute(status -> {
            // the caller (a READ COMMITTED @Transactional method) has already read the table
            assertThat(new JdbcTemplate(hooked).queryForObject("SELECT count(*) FROM audit_record", Integer.class))
                    .isEqualTo(3);
            armed.set(true);
            return hookedVerifier.verify();
        });

        assertThat(armed).as("the concurrent append ran").isFalse();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(3);
        assertThat(verifier.verify().recordsChecked()).isEqualTo(4);
    }

    /** Runs (once {@code armed}) a committed append on another thread just before a query of audit_record. */
    private DataSource appendBeforeTheRecordsAreRead(DataSource target, AtomicBoolean armed) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            Object result = invoke(connection, method, args);
                            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                                        (p, m, a) -> {
                                            if (m.getName().equals("executeQuery") && ((String) a[0]).contains("FROM audit_record")
                                                    && armed.compareAndSet(true, false)) {
                                                appendOnAnotherThread();
                                            }
                                            return invoke(statement, m, a);
                                        });
                            }
                            return result;
                        });
            }
        };
    }

    private void appendOnAnotherThread() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> tx.executeWithoutResult(status -> trail.record("coordinator-2", "roadmap.submitted",
                    "Roadmap", "r-concurrent", null, Map.of("status", "SUBMITTED")))).get();
        } finally {
            other.shutdownNow();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void append(int n) {
        for (int i = 1; i <= n; i++) {
            int version = i;
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", "SUBMITTED");
            after.put("version", version);
            tx.executeWithoutResult(status -> trail.record("coordinator-1", "roadmap.submitted", "Roadmap", "r-" + version,
                    Map.of("status", "DRAFT"), after));
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    /** What only a superuser can do: bypass the append-only triggers (the test connects as postgres). */
    private void asSuperuserWithoutTriggers(String sql) {
        tx.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.execute(sql);
        });
    }
}
