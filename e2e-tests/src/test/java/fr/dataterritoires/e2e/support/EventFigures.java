package fr.dataterritoires.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.dataterritoires.testing.contracts.CommittedPacts;
import fr.dataterritoires.testing.local.LocalSuite;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of a running suite's event flows, read where the platform keeps them: events <b>sent</b> are the
 * producer's outbox rows the relay published (the broker confirmed them), events <b>received</b> the consumer's
 * {@code inbound_event} rows (handled once, in the transaction of their effect), <b>duplicated</b> the deliveries the
 * consumer recognised as already handled ({@code inbound_event.duplicates}), <b>lost</b> the events sent that the
 * consumer never handled, <b>pending</b> the outbox rows not published yet. The flows are those of the committed
 * message pacts ({@code libs/contracts/pacts}: consumer, producer, event type): every flow between services has one.
 *
 * <p>Services of a local suite share one database, each in the schema named after it ({@code dataset-search} →
 * {@code dataset_search}). {@link #report} prints a section to standard output and to
 * {@code target/e2e-event-figures.txt}; {@link EventFiguresSummary} prints every section again, with the total, once
 * all the tests of the run have finished.
 */
public record EventFigures(String suite, List<Flow> flows) {

    /** Where the figures of the run are written (the e2e-tests module's target). */
    public static final Path FILE = Path.of("target", "e2e-event-figures.txt");

    /**
     * One flow: {@code producer} publishes {@code type}, {@code consumer} handles it; {@code running} is false when
     * the suite does not run both services (all figures are then 0).
     */
    public record Flow(String producer, String type, String consumer, boolean running, long sent, long received,
                       long duplicated, long lost, long pending, List<String> lostIds) {

        public String name() {
            return producer + " → " + consumer + "  " + type.replaceFirst("^fr\\.dataterritoires\\.[^.]+\\.", "");
        }
    }

    /** A declared flow, from a committed pact. */
    public record Declared(String producer, String type, String consumer) {
    }

    private static final List<EventFigures> REPORTED = new CopyOnWriteArrayList<>();
    private static boolean fileStarted;

    public long sent() {
        return flows.stream().mapToLong(Flow::sent).sum();
    }

    public long received() {
        return flows.stream().mapToLong(Flow::received).sum();
    }

    public long duplicated() {
        return flows.stream().mapToLong(Flow::duplicated).sum();
    }

    public long lost() {
        return flows.stream().mapToLong(Flow::lost).sum();
    }

    public long pending() {
        return flows.stream().mapToLong(Flow::pending).sum();
    }

    /** The flows of the committed message pacts under {@code repo}, in a stable order. */
    public static List<Declared> declaredFlows(Path repo) {
        Path pacts = repo.resolve(CommittedPacts.COMMITTED);
        Set<Declared> flows = new TreeSet<>((a, b) -> (a.producer() + a.type() + a.consumer())
                .compareTo(b.producer() + b.type() + b.consumer()));
        JsonMapper json = JsonMapper.builder().build();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pacts, "*.json")) {
            for (Path file : files) {
                JsonNode pact = json.readTree(Files.readString(file));
                String consumer = pact.path("consumer").path("name").asString();
                String producer = pact.path("provider").path("name").asString();
                for (JsonNode interaction : pact.path("interactions")) {
                    String type = interaction.path("metadata").path("type").asString("");
                    if (type.isBlank()) {
                        type = interaction.path("contents").path("metadata").path("type").asString("");
                    }
                    if (!type.isBlank()) {
                        flows.add(new Declared(producer, type, consumer));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the committed pacts in " + pacts, e);
        }
        if (flows.isEmpty()) {
            throw new IllegalStateException("no message pact with an event type in " + pacts);
        }
        return List.copyOf(flows);
    }

    /** The figures of {@code suite}'s flows now. */
    public static EventFigures measure(String name, LocalSuite suite, Path repo) {
        Map<String, String> backends = suite.backends();
        try (Connection c = DriverManager.getConnection(backends.get("DT_POSTGRES_URL"), backends.get("DT_POSTGRES_USER"),
                backends.get("DT_POSTGRES_PASSWORD"))) {
            List<Flow> flows = new ArrayList<>();
            for (Declared d : declaredFlows(repo)) {
                flows.add(measure(c, d));
            }
            return new EventFigures(name, List.copyOf(flows));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event figures of " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Measures until nothing is pending or lost (events still on their way arrive), at most {@code atMost}; the last
     * figures either way: the caller asserts on them.
     */
    public static EventFigures awaitSettled(String name, LocalSuite suite, Path repo, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        EventFigures figures = measure(name, suite, repo);
        while ((figures.lost() > 0 || figures.pending() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            figures = measure(name, suite, repo);
        }
        return figures;
    }

    private static Flow measure(Connection c, Declared d) throws SQLException {
        String producer = schema(d.producer());
        String consumer = schema(d.consumer());
        if (!hasTable(c, producer, "outbox_event") || !hasTable(c, consumer, "inbound_event")) {
            return new Flow(d.producer(), d.type(), d.consumer(), false, 0, 0, 0, 0, 0, List.of());
        }
        long sent = count(c, "SELECT count(*) FROM " + producer + ".outbox_event WHERE type = ? AND published_at IS NOT NULL",
                d.type());
        long pending = count(c, "SELECT count(*) FROM " + producer + ".outbox_event WHERE type = ? AND published_at IS NULL",
                d.type());
        long received = count(c, "SELECT count(DISTINCT event_id) FROM " + consumer + ".inbound_event WHERE type = ?",
                d.type());
        long duplicated = count(c, "SELECT coalesce(sum(duplicates), 0) FROM " + consumer + ".inbound_event WHERE type = ?",
                d.type());
        List<String> lost = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT o.event_id FROM " + producer + ".outbox_event o "
                + "WHERE o.type = ? AND o.published_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + consumer
                + ".inbound_event i WHERE i.event_id = o.event_id) ORDER BY o.position")) {
            s.setString(1, d.type());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lost.add(r.getString(1));
                }
            }
        }
        return new Flow(d.producer(), d.type(), d.consumer(), true, sent, received, duplicated, lost.size(), pending,
                List.copyOf(lost.subList(0, Math.min(lost.size(), 10))));
    }

    static String schema(String service) {
        if (!service.matches("[a-z][a-z0-9-]{0,60}")) {
            throw new IllegalArgumentException("not a service name: " + service);
        }
        return service.replace('-', '_');
    }

    private static boolean hasTable(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static long count(Connection c, String sql, String type) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, type);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The figures as a table, one line per flow and the total. */
    public String table() {
        StringBuilder text = new StringBuilder();
        text.append("Event figures: ").append(suite).append('\n');
        String format = "  %-62s %8s %9s %11s %6s %8s%n";
        text.append(String.format(format, "flow (producer → consumer  event)", "sent", "received", "duplicated", "lost",
                "pending"));
        for (Flow f : flows) {
            if (!f.running()) {
                text.append(String.format("  %-62s %s%n", f.name(), "  (not run by this suite)"));
                continue;
            }
            text.append(String.format(format, f.name(), f.sent(), f.received(), f.duplicated(), f.lost(), f.pending()));
            if (!f.lostIds().isEmpty()) {
                text.append("      lost, first ids: ").append(f.lostIds()).append('\n');
            }
        }
        text.append(String.format(format, "total", sent(), received(), duplicated(), lost(), pending()));
        return text.toString();
    }

    /**
     * Prints the figures to standard output and adds them to {@link #FILE} (started afresh by the first report of the
     * test JVM); {@link EventFiguresSummary} prints them again at the end of the run.
     */
    public static synchronized void report(EventFigures figures) {
        REPORTED.add(figures);
        String table = figures.table();
        System.out.println();
        System.out.print(table);
        System.out.flush();
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            if (!fileStarted) {
                Files.writeString(FILE, "");
                fileStarted = true;
            }
            Files.writeString(FILE, table + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    /** Every section reported in this JVM, in order. */
    public static List<EventFigures> reported() {
        return List.copyOf(REPORTED);
    }
}
