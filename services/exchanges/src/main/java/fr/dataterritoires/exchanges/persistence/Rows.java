package fr.dataterritoires.exchanges.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;

/** Small JDBC conversions shared by the stores. */
final class Rows {

    private Rows() {
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static String[] array(java.util.Collection<String> values) {
        return values.toArray(String[]::new);
    }

    /** An update that matched no row: someone else changed the aggregate since it was read. */
    static void checkUpdated(int rows, String what) {
        if (rows != 1) {
            throw new OptimisticLockingFailureException(what + " was changed concurrently");
        }
    }
}
