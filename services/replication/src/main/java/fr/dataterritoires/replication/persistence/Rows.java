package fr.dataterritoires.replication.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import fr.dataterritoires.replication.domain.TerritoryRef;

/** Column conversions shared by the stores. */
final class Rows {

    private Rows() {
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Set<TerritoryRef> territories(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        Set<TerritoryRef> refs = new TreeSet<>();
        // a key retired by a newer geography is read as its successor, or left out: the row stays readable
        Arrays.stream((String[]) array.getArray()).map(TerritoryRef::stored).flatMap(java.util.Optional::stream)
                .forEach(refs::add);
        return refs;
    }

    static String[] keys(Collection<TerritoryRef> refs) {
        return refs.stream().map(TerritoryRef::key).sorted().toArray(String[]::new);
    }
}
