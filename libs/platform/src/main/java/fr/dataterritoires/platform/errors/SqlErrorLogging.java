package fr.dataterritoires.platform.errors;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.util.ClassUtils;

/**
 * What may be logged of a database error. PostgreSQL puts row values in its messages
 * ({@code Detail: Key (email)=(jean.dupont@…) already exists}, {@code Failing row contains (…)}),
 * and Spring repeats them in its own exception messages, so no message of such a chain may reach
 * the logs (DESIGN.md §5, no personal data in logs). What is kept is enough to diagnose: the
 * exception classes, the SQLState, the constraint and table names, and the stack frames.
 */
public final class SqlErrorLogging {

    private static final boolean POSTGRES_DRIVER = ClassUtils.isPresent("org.postgresql.util.PSQLException",
            SqlErrorLogging.class.getClassLoader());
    private static final int MAX_CAUSES = 32;

    private SqlErrorLogging() {
    }

    /** Whether {@code exception} or one of its causes is a database error, whose messages are never logged. */
    public static boolean involvesSql(Throwable exception) {
        for (Throwable t : chain(exception)) {
            if (t instanceof DataAccessException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code exception} comes from a statement PostgreSQL cancelled because it ran past
     * {@code statement_timeout} (SQLState 57014, query_canceled; the platform sets the budget on every connection).
     */
    public static boolean statementTimedOut(Throwable exception) {
        for (Throwable t : chain(exception)) {
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line without any message: the outer exception class, then the SQLState, constraint
     * and table of the first SQL exception of the chain, e.g.
     * {@code DuplicateKeyException (SQLState 23505, constraint person_email_key, table person)}.
     */
    public static String summary(Throwable exception) {
        StringBuilder summary = new StringBuilder(exception.getClass().getName());
        for (Throwable t : chain(exception)) {
            if (t instanceof SQLException sql) {
                summary.append(" (").append(sqlFacts(sql)).append(')');
                break;
            }
        }
        return summary.toString();
    }

    /**
     * A copy of {@code exception} and its causes keeping the class names (and SQL facts) and the
     * stack frames but no message, to log in place of the original.
     */
    public static Throwable withoutMessages(Throwable exception) {
        return redact(exception, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable redact(Throwable t, Set<Throwable> seen) {
        if (t == null || seen.size() >= MAX_CAUSES || !seen.add(t)) {
            return null;
        }
        String description = t.getClass().getName()
                + (t instanceof SQLException sql ? " (" + sqlFacts(sql) + ")" : "") + " [message withheld]";
        Throwable copy = new RedactedException(description, redact(t.getCause(), seen));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    private static String sqlFacts(SQLException sql) {
        StringBuilder facts = new StringBuilder("SQLState ").append(sql.getSQLState());
        if (POSTGRES_DRIVER) {
            Postgres.appendServerFacts(sql, facts);
        }
        return facts.toString();
    }

    private static List<Throwable> chain(Throwable exception) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = exception; t != null && chain.size() < MAX_CAUSES && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** Isolated so that the class loads without the PostgreSQL driver. */
    private static final class Postgres {

        static void appendServerFacts(SQLException sql, StringBuilder facts) {
            if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                // Names of schema objects, never values.
                if (server.getConstraint() != null) {
                    facts.append(", constraint ").append(server.getConstraint());
                }
                if (server.getTable() != null) {
                    facts.append(", table ").append(server.getTable());
                }
                if (server.getColumn() != null) {
                    facts.append(", column ").append(server.getColumn());
                }
            }
        }
    }

    /** Stands for a logged exception whose message was withheld; its "message" is the original class name. */
    static final class RedactedException extends RuntimeException {

        RedactedException(String description, Throwable cause) {
            super(description, cause, false, true);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the original's frames are set instead
        }
    }
}
