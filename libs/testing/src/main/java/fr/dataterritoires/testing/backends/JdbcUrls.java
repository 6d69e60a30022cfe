package fr.dataterritoires.testing.backends;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The bits of {@code jdbc:postgresql://hosts/database?params} that resolution needs. */
final class JdbcUrls {

    static final String PREFIX = "jdbc:postgresql://";

    private JdbcUrls() {
    }

    static void requirePostgres(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (expected " + PREFIX + "...): "
                    + Redaction.redact(url));
        }
    }

    /** Same server, same parameters, another database. */
    static String withDatabase(String url, String database) {
        requirePostgres(url);
        int hostsEnd = hostsEnd(url);
        int query = url.indexOf('?', PREFIX.length());
        String params = query < 0 ? "" : url.substring(query);
        return url.substring(0, hostsEnd) + "/" + database + params;
    }

    /** The database named in the URL, or {@code postgres} when there is none. */
    static String database(String url) {
        requirePostgres(url);
        int hostsEnd = hostsEnd(url);
        if (hostsEnd >= url.length() || url.charAt(hostsEnd) != '/') {
            return "postgres";
        }
        int query = url.indexOf('?', hostsEnd);
        String db = query < 0 ? url.substring(hostsEnd + 1) : url.substring(hostsEnd + 1, query);
        return db.isEmpty() ? "postgres" : db;
    }

    /** host:port part(s), e.g. {@code 127.0.0.1:5432}. */
    static String hosts(String url) {
        requirePostgres(url);
        return url.substring(PREFIX.length(), hostsEnd(url));
    }

    /** A query parameter (decoded), or null. */
    static String param(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static int hostsEnd(String url) {
        int end = url.length();
        for (int i = PREFIX.length(); i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?') {
                end = i;
                break;
            }
        }
        return end;
    }
}
