package fr.dataterritoires.bench;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import fr.dataterritoires.platform.testsupport.HttpApi;

/**
 * Event propagation (issue 10 §2): from the commit of a change in roadmaps to its effect in dataset-search
 * ({@code PriorityDatasetDeclared}: a national priority declared, flagged and counted as demand by dataset-search), and
 * the broker's own round trip on the same RabbitMQ, measured in the same run.
 *
 * <p>Propagation of one event = {@code received_at} of its row in dataset-search's idempotent-consumer table
 * ({@code inbound_event}, written in the handler's transaction) minus {@code occurred_at} of its row in roadmaps'
 * outbox (set by {@code OutboxPublisher} inside the producing transaction, just before it commits), joined on the event
 * id; both times are this machine's clock. The broker's round trip = from a persistent publish on a confirm channel to
 * a topic exchange until its delivery to a consumer of a durable queue bound to it (manual acknowledgement), one
 * message of the size of a CloudEvent in flight at a time.
 */
final class EventProbe implements AutoCloseable {

    static final String PRIORITY_TYPE = "fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1";

    /** A sample: when it was taken and how long it took. */
    record Sample(Instant at, double millis) {
    }

    private final HttpApi roadmaps;
    private final String coordinatorToken;
    private final com.rabbitmq.client.Connection amqp;
    private final Channel publisher;
    private final Channel consumer;
    private final String exchange;
    private final String queue;
    private final Map<String, CompletableFuture<Long>> inFlight = new ConcurrentHashMap<>();
    private final byte[] payload;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean producing = true;
    private final List<Sample> brokerUnderLoad = new CopyOnWriteArrayList<>();
    private final AtomicLong declared = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private Thread trickle;
    private Thread brokerTrickle;

    EventProbe(int roadmapsPort, String coordinatorToken, String amqpUrl, String namespace) throws Exception {
        this.roadmaps = new HttpApi(roadmapsPort);
        this.coordinatorToken = coordinatorToken;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(amqpUrl));
        this.amqp = factory.newConnection("bench-writes-round-trip");
        this.publisher = amqp.createChannel();
        publisher.confirmSelect();
        this.consumer = amqp.createChannel();
        this.exchange = namespace + ".bench-round-trip";
        this.queue = namespace + ".bench-round-trip";
        consumer.exchangeDeclare(exchange, "topic", false, true, null);
        consumer.queueDeclare(queue, true, false, false, null);
        consumer.queueBind(queue, exchange, "#");
        consumer.basicConsume(queue, false, new DefaultConsumer(consumer) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                long now = System.nanoTime();
                CompletableFuture<Long> f = inFlight.remove(properties.getMessageId());
                if (f != null) {
                    f.complete(now);
                }
                getChannel().basicAck(envelope.getDeliveryTag(), false);
            }
        });
        // about the size of a CloudEvent of the suite
        byte[] p = new byte[900];
        Arrays.fill(p, (byte) 'x');
        this.payload = p;
    }

    /** One broker round trip, in milliseconds. */
    double roundTrip() throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Long> received = new CompletableFuture<>();
        inFlight.put(id, received);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(id).deliveryMode(2)
                .contentType("application/cloudevents+json").build();
        long start = System.nanoTime();
        synchronized (publisher) {
            publisher.basicPublish(exchange, "fr.dataterritoires.bench.RoundTrip.v1", properties, payload);
        }
        long end = received.get(30, TimeUnit.SECONDS);
        synchronized (publisher) {
            publisher.waitForConfirmsOrDie(30_000);
        }
        return (end - start) / 1e6;
    }

    /** {@code count} round trips one after another (the broker at rest, or whatever else runs). */
    List<Sample> roundTrips(int count) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            roundTrip(); // warm-up
        }
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(Instant.now(), roundTrip()));
        }
        return samples;
    }

    /** Declares one national priority (a theme) in roadmaps, which announces it to dataset-search. */
    void declarePriority() {
        HttpApi.Response r = roadmaps.post("/api/priorities", coordinatorToken, Map.of("level", "NATIONAL",
                "subject", "THEME", "title", "Priorité du banc d'essai " + UUID.randomUUID(), "theme", "mobilite"));
        if (r.status() != 201) {
            failures.incrementAndGet();
            throw new IllegalStateException("priority: HTTP " + r.status() + " " + r.body());
        }
        declared.incrementAndGet();
    }

    /** {@code count} declarations, one every {@code interval}. */
    void declarePriorities(int count, Duration interval) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            declarePriority();
            Thread.sleep(interval.toMillis());
        }
    }

    /**
     * In the background until {@link #stopTrickle()}: a declaration every {@code interval} (while
     * {@link #producing(boolean)}), and a broker round trip every {@code interval / 5}.
     */
    void startTrickle(Duration interval) {
        running.set(true);
        trickle = Thread.ofPlatform().daemon().name("bench-event-trickle").start(() -> {
            while (running.get()) {
                try {
                    if (producing) {
                        declarePriority();
                    }
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // counted in failures; the next one is tried
                }
            }
        });
        brokerTrickle = Thread.ofPlatform().daemon().name("bench-broker-trickle").start(() -> {
            while (running.get()) {
                try {
                    brokerUnderLoad.add(new Sample(Instant.now(), roundTrip()));
                    Thread.sleep(Math.max(1, interval.toMillis() / 5));
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }
        });
    }

    /** Pauses (false) or resumes the declarations of the trickle (e.g. while roadmaps' own rows are captured). */
    void producing(boolean value) {
        producing = value;
    }

    void stopTrickle() throws InterruptedException {
        running.set(false);
        if (trickle != null) {
            trickle.join(30_000);
        }
        if (brokerTrickle != null) {
            brokerTrickle.join(30_000);
        }
    }

    List<Sample> brokerSamplesOfTrickle() {
        return List.copyOf(brokerUnderLoad);
    }

    long failures() {
        return failures.get();
    }

    long declared() {
        return declared.get();
    }

    /** The highest outbox position of roadmaps now: propagations are read after it. */
    static long mark(Connection database) throws SQLException {
        return RowCapture.outboxMark(database, "roadmaps");
    }

    /**
     * Propagation samples of the declarations after {@code mark}, waiting up to {@code wait} for every one to reach
     * dataset-search; the number still missing is returned in {@code missing[0]}.
     */
    static List<Sample> propagations(Connection database, long mark, Duration wait, long[] missing)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long pending;
            try (PreparedStatement p = database.prepareStatement("""
                    SELECT count(*) FROM roadmaps.outbox_event o
                     WHERE o.type = ? AND o.position > ?
                       AND NOT EXISTS (SELECT 1 FROM dataset_search.inbound_event i WHERE i.event_id = o.event_id)
                    """)) {
                p.setString(1, PRIORITY_TYPE);
                p.setLong(2, mark);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    pending = r.getLong(1);
                }
            }
            if (pending == 0 || System.nanoTime() > deadline) {
                missing[0] = pending;
                break;
            }
            Thread.sleep(500);
        }
        List<Sample> samples = new ArrayList<>();
        try (PreparedStatement p = database.prepareStatement("""
                SELECT o.occurred_at, extract(epoch FROM (i.received_at - o.occurred_at)) * 1000
                  FROM roadmaps.outbox_event o JOIN dataset_search.inbound_event i ON i.event_id = o.event_id
                 WHERE o.type = ? AND o.position > ?
                 ORDER BY o.position
                """)) {
            p.setString(1, PRIORITY_TYPE);
            p.setLong(2, mark);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    samples.add(new Sample(r.getTimestamp(1).toInstant(), r.getDouble(2)));
                }
            }
        }
        return samples;
    }

    /** Relay settings the services run with: what the target allows on top of the broker (platform defaults). */
    static Map<String, String> relaySettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("relay after a local commit", "woken by the commit (the timer fires again 1 ms after a tick)");
        settings.put("longest wait of an idle tick for a wake-up (`dataterritoires.outbox.relay.wake-up-check`)",
                "25 ms");
        settings.put("poll interval for missed wake-ups (`dataterritoires.outbox.relay.poll-interval`)", "1 s");
        return settings;
    }

    @Override
    public void close() {
        try {
            running.set(false);
            consumer.queueDelete(queue);
            consumer.exchangeDelete(exchange);
            amqp.close();
        } catch (Exception e) {
            // the broker is going away with the run
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
