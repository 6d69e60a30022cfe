package fr.dataterritoires.platform.events;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import fr.dataterritoires.platform.errors.UserFacingMessage;

/**
 * How inbound event failures are classified and described in headers, logs and the audit trail.
 *
 * <p>Database errors carry values (PostgreSQL: {@code Key (email)=(jean.dupont@…) already exists}),
 * so for a failure that is or wraps a {@link DataAccessException} or an {@link SQLException} only
 * the exception class, the SQLState and the constraint name are written. Messages of the
 * platform's own domain exceptions, written for users, are kept; so are other exceptions'.
 */
public final class Failures {

    private static final int MAX_LENGTH = 1000;
    private static final String ERRORS_PACKAGE = "fr.dataterritoires.platform.errors.";

    private Failures() {
    }

    /**
     * Whether the failure is the infrastructure being away (database unreachable, pool exhausted,
     * timeout, serialisation failure) rather than the event or the handler: retrying later helps.
     */
    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof TransientDataAccessException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof RecoverableDataAccessException
                    || t instanceof QueryTimeoutException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P0x: server shutting down or starting
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** A failure's description safe for headers, logs and the audit trail (1000 characters max). */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        if (isUserFacing(failure) || !mayCarryData(failure)) {
            return truncate(String.valueOf(failure.getMessage()));
        }
        StringBuilder text = new StringBuilder(failure.getClass().getName());
        SQLException sql = sqlCause(failure);
        if (sql != null) {
            if (sql != failure) {
                text.append(" caused by ").append(sql.getClass().getName());
            }
            if (sql.getSQLState() != null) {
                text.append(", SQLState ").append(sql.getSQLState());
            }
            String constraint = constraint(sql);
            if (constraint != null) {
                text.append(", constraint ").append(constraint);
            }
        }
        return truncate(text.append(" (message withheld: it may contain personal data)").toString());
    }

    /** {@link #describe} preceded by the exception class, for log lines. */
    public static String describeWithClass(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        return mayCarryData(failure) && !isUserFacing(failure) ? describe(failure)
                : failure.getClass().getName() + ": " + describe(failure);
    }

    /** Whether the failure is or wraps an exception whose message may quote database values. */
    public static boolean mayCarryData(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof DataAccessException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** The same test on an exception class name, as found in a dead letter's headers. */
    public static boolean mayCarryData(String exceptionClassName) {
        if (exceptionClassName == null) {
            return false;
        }
        try {
            Class<?> type = Class.forName(exceptionClassName, false, Failures.class.getClassLoader());
            return DataAccessException.class.isAssignableFrom(type) || SQLException.class.isAssignableFrom(type)
                    || exceptionClassName.startsWith("org.postgresql.");
        } catch (ClassNotFoundException | LinkageError e) {
            // unknown class (another service's): judge by its name
            return exceptionClassName.contains("SQL") || exceptionClassName.contains("DataAccess")
                    || exceptionClassName.contains("DataIntegrity");
        }
    }

    private static boolean isUserFacing(Throwable failure) {
        return failure instanceof UserFacingMessage || failure.getClass().getName().startsWith(ERRORS_PACKAGE);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String constraint(SQLException sql) {
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return server == null ? null : server.getConstraint();
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        return cause == t ? null : cause;
    }

    static String truncate(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }
}
