package fr.dataterritoires.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.audit.AuditVerifier;
import fr.dataterritoires.platform.events.EventMetrics;
import fr.dataterritoires.platform.events.EventsTestApplication;
import fr.dataterritoires.platform.events.InboundEventRoute;
import fr.dataterritoires.testing.net.CuttableTcpProxy;

/**
 * Acceptance of the outbox + relay + idempotent consumer chain against real PostgreSQL and
 * RabbitMQ: 10,000 events from 100 concurrent transactions (a tenth rolled back) must reach the
 * consumer exactly once each, in order per aggregate, whatever happens to the relay or the
 * broker connection in between.
 */
class OutboxDeliveryTest {

    private static final int TRANSACTIONS = 100;
    private static final int AGGREGATES_PER_TX = 10;
    private static final int EVENTS_PER_AGGREGATE = 10; // 100 events per transaction
    private static final int AGGREGATES = 200;
    /** One thread per transaction: all 100 are open at the same time, contending for aggregate rows. */
    private static final int WRITER_THREADS = TRANSACTIONS;
    private static final int DUPLICATES = 200;

    private EventsHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        EventsTestApplication.ATTEMPTS.clear();
        harness = new EventsHarness();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void everyCommittedEventIsProcessedExactlyOnceInOrderWithTwoRelayReplicas() throws Exception {
        ConfigurableApplicationContext consumer = harness.consumer(harness.amqp.port());
        ConfigurableApplicationContext producer = harness.producer("producer-a", WRITER_THREADS + 4, harness.amqp.port());
        // a second replica relaying from the same database: only one may relay at a time
        ConfigurableApplicationContext replica = harness.producer("producer-b", 3, harness.amqp.port());

        Written written = write(producer, done -> { });

        awaitDelivered(producer, consumer, written);
        injectDuplicatesAndAssert(producer, consumer, written);
        assertThat(EventsHarness.counter(producer, "dt.outbox.published")
                + EventsHarness.counter(replica, "dt.outbox.published")).isGreaterThanOrEqualTo(written.committed.size());
        // the other platform pieces are wired in the same service
        assertThat(producer.getBean(AuditVerifier.class).verify().ok()).isTrue();
        assertThat(producer.getBean(AuditTrail.class)).isNotNull();
    }

    @Test
    void relayStoppedAndRestartedInTheMiddleLosesNothing() throws Exception {
        ConfigurableApplicationContext consumer = harness.consumer(harness.amqp.port());
        ConfigurableApplicationContext producer = harness.producer("producer", WRITER_THREADS + 4, harness.amqp.port());
        CamelContext camel = producer.getBean(CamelContext.class);
        JdbcTemplate producerJdbc = producer.getBean(JdbcTemplate.class);
        AtomicInteger pendingWhileStopped = new AtomicInteger(-1);
        CountDownLatch stopped = new CountDownLatch(1);

        Written written = write(producer, done -> {
            try {
                if (done == 30) {
                    camel.getRouteController().stopRoute(OutboxRelayRoute.RELAY_ROUTE_ID);
                    assertThat(camel.getRouteController().getRouteStatus(OutboxRelayRoute.RELAY_ROUTE_ID))
                            .isEqualTo(ServiceStatus.Stopped);
                    stopped.countDown();
                } else if (done == 70) {
                    stopped.await();
                    // nothing moves while the relay is stopped: the rows committed since wait
                    pendingWhileStopped.set(unpublished(producerJdbc));
                    camel.getRouteController().startRoute(OutboxRelayRoute.RELAY_ROUTE_ID);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, stopped);

        assertThat(pendingWhileStopped.get()).isGreaterThan(0);
        awaitDelivered(producer, consumer, written);
        injectDuplicatesAndAssert(producer, consumer, written);
    }

    @Test
    void brokerConnectionCutDuringTheRunLosesNothing() throws Exception {
        try (CuttableTcpProxy proxy = new CuttableTcpProxy(harness.amqp.host(), harness.amqp.port())) {
            ConfigurableApplicationContext consumer = harness.consumer(proxy.port());
            ConfigurableApplicationContext producer = harness.producer("producer", WRITER_THREADS + 4, proxy.port());
            int acceptedBefore = proxy.connectionsAccepted();
            CountDownLatch cut = new CountDownLatch(1);

            Written written = write(producer, done -> {
                if (done == 30) {
                    proxy.cut();
                    cut.countDown(); // the second half now commits while the broker is unreachable
                    // keep it cut until both sides have really failed against it
                    await().atMost(Duration.ofSeconds(60)).until(() -> proxy.connectionsRefused() >= 2
                            && EventsHarness.counter(producer, "dt.outbox.publish.failures") >= 1);
                    proxy.restore();
                }
            }, cut);

            assertThat(proxy.connectionsRefused()).isGreaterThanOrEqualTo(2);
            awaitDelivered(producer, consumer, written);
            // both the relay and the consumer came back through new connections
            assertThat(proxy.connectionsAccepted()).isGreaterThan(acceptedBefore);
            injectDuplicatesAndAssert(producer, consumer, written);
        }
    }

    @Test
    void poisonAndMalformedMessagesEndInTheDeadLetterQueueWithoutBlockingOthers() throws Exception {
        ConfigurableApplicationContext consumer = harness.consumer(harness.amqp.port());
        ConfigurableApplicationContext producer = harness.producer("producer", 4, harness.amqp.port());
        OutboxPublisher outbox = producer.getBean(OutboxPublisher.class);
        TransactionTemplate tx = new TransactionTemplate(producer.getBean(PlatformTransactionManager.class));

        List<UUID> ids = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            for (int seq = 1; seq <= 30; seq++) {
                Map<String, Object> payload = new HashMap<>(Map.of("seq", seq));
                if (seq == 15) {
                    payload.put("poison", true);
                }
                ids.add(outbox.record("Thing", "poisoned-aggregate", EventsHarness.TYPE, payload));
            }
        });
        UUID poison = ids.get(14);
        harness.publishRaw("fr.dataterritoires.outboxtest.Broken.v1", "{not json".getBytes(StandardCharsets.UTF_8), "malformed-1");

        JdbcTemplate consumerJdbc = consumer.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(consumerJdbc, "SELECT count(*) FROM processed") == 29
                && EventsHarness.counter(consumer, EventMetrics.DEAD_LETTERED) == 2);

        Map<String, Message> dead = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Message message = harness.direct.receive(harness.queue + ".dlq", 10_000);
            assertThat(message).isNotNull();
            dead.put(message.getMessageProperties().getMessageId(), message);
        }
        assertThat(harness.direct.receive(harness.queue + ".dlq", 200)).isNull();

        Message poisoned = dead.get(poison.toString());
        assertThat(poisoned).isNotNull();
        Map<String, Object> headers = poisoned.getMessageProperties().getHeaders();
        assertThat(headers.get(InboundEventRoute.HEADER_ATTEMPTS)).isEqualTo(3);
        assertThat((String) headers.get(InboundEventRoute.HEADER_REASON)).contains("refused by the handler");
        assertThat(headers.get(InboundEventRoute.HEADER_EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(headers.get(InboundEventRoute.HEADER_QUEUE)).isEqualTo(harness.queue);
        assertThat(CloudEvents.parse(poisoned.getBody()).id()).isEqualTo(poison.toString()); // original body kept
        assertThat(EventsTestApplication.ATTEMPTS.get(poison).get()).isEqualTo(3);

        Message malformed = dead.get("malformed-1");
        assertThat(malformed).isNotNull();
        assertThat(malformed.getMessageProperties().getHeaders().get(InboundEventRoute.HEADER_ATTEMPTS)).isEqualTo(0);
        assertThat(new String(malformed.getBody(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(malformed.getMessageProperties().getHeaders().get(InboundEventRoute.HEADER_EXCEPTION))
                .isEqualTo("fr.dataterritoires.contracts.events.InvalidCloudEventException");

        // the events after the poison were processed, in order, and the poison left no effect
        assertThat(consumerJdbc.queryForList("SELECT seq FROM processed ORDER BY processing_order", Integer.class))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).filter(i -> i != 15).boxed().toList());
        assertThat(consumer.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter(EventMetrics.DEAD_LETTERED, "type", EventMetrics.UNKNOWN_TYPE).count()).isEqualTo(1);

        // and record() refuses to run outside a transaction
        assertThatThrownBy(() -> outbox.record("Thing", "x", EventsHarness.TYPE, Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void recordRefusesATransactionOfAnotherDataSource() throws Exception {
        ConfigurableApplicationContext producer = harness.producer("producer", 4, harness.amqp.port());
        OutboxPublisher outbox = producer.getBean(OutboxPublisher.class);
        JdbcTemplate producerJdbc = producer.getBean(JdbcTemplate.class);
        // same database, but another DataSource and transaction manager: the outbox row would
        // commit on its own connection whatever this transaction does
        org.springframework.jdbc.datasource.DriverManagerDataSource other = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                harness.producerDb, harness.postgres.username(), harness.postgres.password());
        TransactionTemplate otherTx = new TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(other));
        assertThatThrownBy(() -> otherTx.executeWithoutResult(status -> {
            outbox.record("Thing", "x", EventsHarness.TYPE, Map.of("seq", 1));
            status.setRollbackOnly();
        })).isInstanceOf(IllegalTransactionStateException.class).hasMessageContaining("DataSource");
        assertThat(count(producerJdbc, "SELECT count(*) FROM outbox_event")).isZero();

        // the service's own transaction is still accepted
        new TransactionTemplate(producer.getBean(PlatformTransactionManager.class))
                .executeWithoutResult(status -> outbox.record("Thing", "x", EventsHarness.TYPE, Map.of("seq", 1)));
        assertThat(count(producerJdbc, "SELECT count(*) FROM outbox_event")).isEqualTo(1);
    }

    @Test
    void aCommitWakesTheIdleRelayAtOnceRatherThanAtItsNextCheckOrPoll() throws Exception {
        // an idle tick waits up to 30 s for a wake-up and the relay polls once a minute: only the commit's wake-up
        // can publish within the 10 s allowed below (before, the relay looked every wake-up check, here 30 s)
        ConfigurableApplicationContext producer = harness.producer("producer", 4, harness.amqp.port(),
                Map.of("dataterritoires.outbox.relay.wake-up-check", "30s",
                        "dataterritoires.outbox.relay.poll-interval", "60s"));
        OutboxPublisher outbox = producer.getBean(OutboxPublisher.class);
        JdbcTemplate producerJdbc = producer.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(producer.getBean(PlatformTransactionManager.class));

        for (int i = 1; i <= 3; i++) {
            int seq = i;
            UUID id = tx.execute(status -> outbox.record("Thing", "woken", EventsHarness.TYPE, Map.of("seq", seq)));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> count(producerJdbc,
                    "SELECT count(*) FROM outbox_event WHERE published_at IS NOT NULL AND event_id = '" + id + "'") == 1);
        }
        assertThat(EventsHarness.counter(producer, "dt.outbox.published")).isEqualTo(3);
    }

    @Test
    void thePendingAndLagGaugesAreCountedWhenReadEvenWithTheRelayStopped() throws Exception {
        ConfigurableApplicationContext producer = harness.producer("producer", 4, harness.amqp.port());
        CamelContext camel = producer.getBean(CamelContext.class);
        OutboxPublisher outbox = producer.getBean(OutboxPublisher.class);
        TransactionTemplate tx = new TransactionTemplate(producer.getBean(PlatformTransactionManager.class));
        io.micrometer.core.instrument.MeterRegistry meters = producer.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        camel.getRouteController().stopRoute(OutboxRelayRoute.RELAY_ROUTE_ID);

        tx.executeWithoutResult(status -> {
            outbox.record("Thing", "stuck-1", EventsHarness.TYPE, Map.of("seq", 1));
            outbox.record("Thing", "stuck-2", EventsHarness.TYPE, Map.of("seq", 2));
        });

        // no relay pass runs, yet a scrape sees the two waiting events and their age (before, only a pass counted)
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> meters.get("dt.outbox.pending").gauge().value() == 2
                        && meters.get("dt.outbox.lag").gauge().value() > 0);
        camel.getRouteController().startRoute(OutboxRelayRoute.RELAY_ROUTE_ID);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> meters.get("dt.outbox.pending").gauge().value() == 0
                        && meters.get("dt.outbox.lag").gauge().value() == 0);
    }

    @Test
    void recordAllWritesItsEventsInOrderInTheCallersTransactionOnly() throws Exception {
        ConfigurableApplicationContext producer = harness.producer("producer", 4, harness.amqp.port());
        OutboxPublisher outbox = producer.getBean(OutboxPublisher.class);
        JdbcTemplate producerJdbc = producer.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(producer.getBean(PlatformTransactionManager.class));
        producer.getBean(CamelContext.class).getRouteController().stopRoute(OutboxRelayRoute.RELAY_ROUTE_ID);
        List<OutboxPublisher.Event> events = java.util.stream.IntStream.rangeClosed(1, 250)
                .mapToObj(i -> new OutboxPublisher.Event("Thing", "thing-" + (i % 7), EventsHarness.TYPE, Map.of("seq", i)))
                .toList();

        assertThatThrownBy(() -> outbox.recordAll(events)).isInstanceOf(IllegalTransactionStateException.class);
        tx.executeWithoutResult(status -> {
            outbox.recordAll(events);
            status.setRollbackOnly();
        });
        assertThat(count(producerJdbc, "SELECT count(*) FROM outbox_event")).isZero();

        List<UUID> ids = tx.execute(status -> outbox.recordAll(events));
        List<UUID> none = tx.execute(status -> outbox.recordAll(List.of()));
        assertThat(none).isEmpty();

        // one row per event, positions in the order of the list, each with its own payload
        assertThat(ids).hasSize(250).doesNotHaveDuplicates();
        assertThat(producerJdbc.queryForList("SELECT event_id FROM outbox_event ORDER BY position", UUID.class))
                .containsExactlyElementsOf(ids);
        assertThat(producerJdbc.queryForList("SELECT (payload->>'seq')::int FROM outbox_event ORDER BY position",
                Integer.class)).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 250).boxed().toList());
        assertThat(producerJdbc.queryForObject("SELECT aggregate_id FROM outbox_event WHERE event_id = ?", String.class,
                ids.get(9))).isEqualTo("thing-3");
        assertThatThrownBy(() -> new OutboxPublisher.Event("Thing", "x", "not.a.type", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxPublisher.Event("Thing", " ", EventsHarness.TYPE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** What the writers committed and rolled back. */
    private record Written(Set<UUID> committed, Set<UUID> rolledBack) {
    }

    /**
     * 100 transactions of 100 events on {@value #WRITER_THREADS} threads; each transaction takes
     * the row locks of its aggregates (in id order, so no deadlock) and numbers their events;
     * every tenth transaction rolls back, numbers included. {@code progress} runs on a writer
     * thread after each transaction, with the number of transactions finished.
     */
    private Written write(ConfigurableApplicationContext producer, IntConsumer progress) throws Exception {
        return write(producer, progress, new CountDownLatch(0));
    }

    /**
     * As above, but the second half of the transactions only begins once {@code secondHalf} is
     * opened: a scenario that disturbs the chain after 30 commits opens it then, so that events
     * are certainly committed while the disturbance lasts (with all 100 transactions racing, they
     * could otherwise all commit, and be relayed, before it starts).
     */
    private Written write(ConfigurableApplicationContext producer, IntConsumer progress, CountDownLatch secondHalf)
            throws Exception {
        OutboxPublisher outbox = producer.getBean(OutboxPublisher.class);
        JdbcTemplate jdbc = producer.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(producer.getBean(PlatformTransactionManager.class));
        Set<UUID> committed = Collections.synchronizedSet(new HashSet<>());
        Set<UUID> rolledBack = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger done = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITER_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < TRANSACTIONS; t++) {
                int txNumber = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    if (txNumber >= TRANSACTIONS / 2) {
                        secondHalf.await();
                    }
                    Random random = new Random(txNumber);
                    TreeSet<Integer> aggregates = new TreeSet<>();
                    while (aggregates.size() < AGGREGATES_PER_TX) {
                        aggregates.add(1 + random.nextInt(AGGREGATES));
                    }
                    boolean rollback = txNumber % 10 == 3;
                    // half of the transactions record their events one by one, the other half as one batch
                    boolean batched = txNumber % 2 == 1;
                    List<UUID> ids = new ArrayList<>();
                    tx.executeWithoutResult(status -> {
                        List<OutboxPublisher.Event> events = new ArrayList<>();
                        for (int aggregate : aggregates) {
                            for (int k = 0; k < EVENTS_PER_AGGREGATE; k++) {
                                Integer seq = jdbc.queryForObject(
                                        "UPDATE test_aggregate SET seq = seq + 1 WHERE id = ? RETURNING seq", Integer.class, aggregate);
                                var event = new OutboxPublisher.Event("Thing", "thing-" + aggregate, EventsHarness.TYPE,
                                        Map.of("seq", seq, "tx", txNumber));
                                if (batched) {
                                    events.add(event);
                                } else {
                                    ids.add(outbox.record(event.aggregateType(), event.aggregateId(), event.type(),
                                            event.payload()));
                                }
                            }
                        }
                        if (batched) {
                            ids.addAll(outbox.recordAll(events));
                        }
                        if (rollback) {
                            status.setRollbackOnly();
                        }
                    });
                    (rollback ? rolledBack : committed).addAll(ids);
                    progress.accept(done.incrementAndGet());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(committed).hasSize(9_000);
        assertThat(rolledBack).hasSize(1_000);
        return new Written(committed, rolledBack);
    }

    private void awaitDelivered(ConfigurableApplicationContext producer, ConfigurableApplicationContext consumer, Written written) {
        JdbcTemplate producerJdbc = producer.getBean(JdbcTemplate.class);
        JdbcTemplate consumerJdbc = consumer.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> unpublished(producerJdbc) == 0
                && count(consumerJdbc, "SELECT count(*) FROM processed") >= written.committed.size());
    }

    /**
     * Re-publishes some already delivered events (as a relay crashing before its commit would),
     * then checks the consumer's database: exactly the committed events, each once, and for each
     * aggregate the numbers 1..n in processing order.
     */
    private void injectDuplicatesAndAssert(ConfigurableApplicationContext producer, ConfigurableApplicationContext consumer,
            Written written) {
        JdbcTemplate producerJdbc = producer.getBean(JdbcTemplate.class);
        JdbcTemplate consumerJdbc = consumer.getBean(JdbcTemplate.class);
        double duplicatesBefore = EventsHarness.counter(consumer, EventMetrics.DUPLICATE);
        List<CloudEvent> replays = producerJdbc.query(
                "SELECT event_id, type, aggregate_id, payload::text AS payload, occurred_at FROM outbox_event ORDER BY random() LIMIT ?",
                (rs, i) -> new CloudEvent(CloudEvent.SPEC_VERSION, rs.getString("event_id"), "/dataterritoires/outboxtest-producer",
                        rs.getString("type"), rs.getObject("occurred_at", java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString("aggregate_id"), CloudEvent.JSON, CloudEvents.mapper().readTree(rs.getString("payload"))),
                DUPLICATES);
        for (CloudEvent replay : replays) {
            harness.publishRaw(replay.type(), CloudEvents.toJsonBytes(replay), replay.id());
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> EventsHarness.counter(consumer, EventMetrics.DUPLICATE) >= duplicatesBefore + DUPLICATES);

        // the outbox holds exactly the committed events
        Set<UUID> inOutbox = new HashSet<>(producerJdbc.queryForList("SELECT event_id FROM outbox_event", UUID.class));
        assertThat(inOutbox).isEqualTo(written.committed);

        List<UUID> processedIds = consumerJdbc.queryForList("SELECT event_id FROM processed", UUID.class);
        assertThat(processedIds).hasSize(written.committed.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(processedIds)).isEqualTo(written.committed);
        assertThat(Collections.disjoint(processedIds, written.rolledBack)).isTrue();

        Map<String, List<Integer>> perAggregate = new HashMap<>();
        consumerJdbc.query("SELECT aggregate_id, seq FROM processed ORDER BY processing_order",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> perAggregate
                        .computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(rs.getInt(2)));
        Map<String, Integer> finalSeq = new HashMap<>();
        producerJdbc.query("SELECT id, seq FROM test_aggregate WHERE seq > 0",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> finalSeq.put("thing-" + rs.getInt(1), rs.getInt(2)));
        assertThat(perAggregate.keySet()).isEqualTo(finalSeq.keySet());
        perAggregate.forEach((aggregate, seqs) -> assertThat(seqs).as("order of %s", aggregate)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, finalSeq.get(aggregate)).boxed().toList()));

        assertThat(EventsHarness.counter(consumer, EventMetrics.PROCESSED)).isEqualTo(written.committed.size());
        assertThat(EventsHarness.counter(consumer, EventMetrics.DEAD_LETTERED)).isZero();
        assertThat(harness.direct.receive(harness.queue + ".dlq", 100)).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.getBean(OutboxRelay.class).pending() == 0);
    }

    private static int unpublished(JdbcTemplate jdbc) {
        return count(jdbc, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
