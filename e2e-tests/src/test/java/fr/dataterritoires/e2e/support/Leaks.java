package fr.dataterritoires.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.dataterritoires.testing.local.LocalSuite;

/**
 * What must never leave a service: the personal data of the people the journey creates (their names and e-mail
 * addresses, as written, lower-cased or URL-encoded) in the services' logs or in the events they publish (the outbox
 * payloads), and access tokens (JWTs, bearer tokens) in the logs (issue 11 §4, §6). A leak names the file or event and
 * what leaked, never a token's value.
 */
public final class Leaks {

    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{20,}=*)");
    /** The launcher's own console (it prints development tokens for make run on purpose): not a service's log. */
    private static final Set<String> NOT_SERVICE_LOGS = Set.of("launcher.log");

    /** @param where file:line or schema.outbox_event#position; @param what which kind of datum leaked */
    public record Leak(String where, String what) {

        @Override
        public String toString() {
            return where + ": " + what;
        }
    }

    /** @param scanned files or rows read; @param bytes their size */
    public record Scan(List<Leak> leaks, int scanned, long bytes) {
    }

    private Leaks() {
    }

    /** The forms a personal datum takes in text: as written, lower-case, URL-encoded (a query string in an access log). */
    static Set<String> forms(List<String> personal) {
        Set<String> forms = new LinkedHashSet<>();
        for (String datum : personal) {
            forms.add(datum.toLowerCase(Locale.ROOT));
            forms.add(URLEncoder.encode(datum, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
            forms.add(URLEncoder.encode(datum, StandardCharsets.UTF_8).replace("+", "%20").toLowerCase(Locale.ROOT));
        }
        return forms;
    }

    /** Every log of the suite's run directory but the launcher's console, for {@code personal} data and tokens. */
    public static Scan inLogs(Path runDir, List<String> personal) {
        Set<String> forms = forms(personal);
        List<Leak> leaks = new ArrayList<>();
        int files = 0;
        long bytes = 0;
        List<Path> logs;
        try (Stream<Path> list = Files.list(runDir)) {
            logs = list.filter(p -> p.getFileName().toString().endsWith(".log")
                    && !NOT_SERVICE_LOGS.contains(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path log : logs) {
            List<String> lines;
            try {
                lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                bytes += Files.size(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files++;
            for (int i = 0; i < lines.size(); i++) {
                String where = log.getFileName() + ":" + (i + 1);
                leaks.addAll(personal(where, lines.get(i), forms));
                leaks.addAll(tokens(where, lines.get(i)));
            }
        }
        return new Scan(List.copyOf(leaks), files, bytes);
    }

    /** Every outbox payload of every service schema of the suite's database, for {@code personal} data. */
    public static Scan inEvents(LocalSuite suite, List<String> personal) {
        Set<String> forms = forms(personal);
        Map<String, String> backends = suite.backends();
        List<Leak> leaks = new ArrayList<>();
        int rows = 0;
        long bytes = 0;
        try (Connection c = DriverManager.getConnection(backends.get("DT_POSTGRES_URL"), backends.get("DT_POSTGRES_USER"),
                backends.get("DT_POSTGRES_PASSWORD"));
             PreparedStatement tables = c.prepareStatement("SELECT table_schema FROM information_schema.tables "
                     + "WHERE table_name = 'outbox_event' ORDER BY table_schema");
             ResultSet schemas = tables.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (schemas.next()) {
                names.add(schemas.getString(1));
            }
            for (String schema : names) {
                try (PreparedStatement s = c.prepareStatement("SELECT position, type, payload::text FROM \""
                        + schema.replace("\"", "") + "\".outbox_event ORDER BY position");
                     ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        String payload = r.getString(3);
                        bytes += payload.length();
                        leaks.addAll(personal(schema + ".outbox_event#" + r.getLong(1) + " (" + r.getString(2) + ")",
                                payload, forms));
                    }
                }
            }
            if (names.isEmpty()) {
                throw new IllegalStateException("no outbox_event table in the suite's database: nothing was scanned");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox payloads: " + e.getMessage(), e);
        }
        return new Scan(List.copyOf(leaks), rows, bytes);
    }

    static List<Leak> personal(String where, String text, Set<String> forms) {
        String lower = text.toLowerCase(Locale.ROOT);
        // JSON escapes a non-ASCII letter as \\uXXXX in some writers: unescape the common ones before matching
        String unescaped = lower.contains("\\u") ? unescape(lower) : lower;
        List<Leak> leaks = new ArrayList<>();
        for (String form : forms) {
            if (lower.contains(form) || unescaped.contains(form)) {
                leaks.add(new Leak(where, "personal datum « " + form + " »"));
            }
        }
        return leaks;
    }

    static List<Leak> tokens(String where, String text) {
        List<Leak> leaks = new ArrayList<>();
        Matcher jwt = JWT.matcher(text);
        while (jwt.find()) {
            leaks.add(new Leak(where, "a JWT (" + jwt.group().length() + " chars)"));
        }
        Matcher bearer = BEARER.matcher(text);
        while (bearer.find()) {
            if (!bearer.group(1).startsWith("eyJ")) {
                leaks.add(new Leak(where, "a bearer token (" + bearer.group(1).length() + " chars)"));
            }
        }
        return leaks;
    }

    private static String unescape(String text) {
        Matcher m = Pattern.compile("\\\\u([0-9a-f]{4})").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
