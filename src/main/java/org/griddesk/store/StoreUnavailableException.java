package org.griddesk.store;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/// The store could not be reached for a write: refused before trying (the desk knew it was away)
/// or cut off while trying (the write may or may not have been committed; the trail will tell once
/// the store is back). Either way the user is told in words, and nothing is dropped silently.
public final class StoreUnavailableException extends RuntimeException {
    private final boolean attempted;

    private StoreUnavailableException(boolean attempted, Throwable cause) {
        super(attempted ? "the store went away during the write" : "the store is away: nothing was written", cause);
        this.attempted = attempted;
    }

    /// Refused before anything was sent: the connection is known to be down.
    public static StoreUnavailableException refused() {
        return new StoreUnavailableException(false, null);
    }

    /// The connection failed while the write was under way.
    public static StoreUnavailableException during(Throwable cause) {
        return new StoreUnavailableException(true, cause);
    }

    /// The exception that tells the user about `failure`, a connection loss: refused when no
    /// connection was had at all (the pool waited in vain), cut off otherwise.
    public static StoreUnavailableException from(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof StoreUnavailableException u) {
                return u;
            }
            if (t instanceof SQLTransientConnectionException) {
                return new StoreUnavailableException(false, failure);
            }
        }
        return during(failure);
    }

    /// Whether the write had been sent when the connection failed (its outcome is then unknown).
    public boolean attempted() {
        return attempted;
    }

    public String message(Locale locale) {
        boolean zh = locale.getLanguage().equals("zh");
        if (attempted) {
            return zh ? "数据库连接中断，本次操作可能未保存：连接恢复后工单将显示实际状态，请核对后再试。"
                    : "The database connection broke: this action may not have been saved. The ticket shows its real state once the connection is back; check it, then try again.";
        }
        return zh ? "数据库连接中断，操作未执行：连接恢复后请重试。"
                : "The database is not reachable: nothing was done. Try again once the connection is back.";
    }

    /// Whether `failure` came through the store at all: a database error or this exception among
    /// its causes. An I/O failure with neither (a gateway client that hung up) is not the store's,
    /// even when it is an EOF like a database socket's.
    public static boolean cameThroughTheStore(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /// Whether a failure means the store could not be reached (connection refused, broken, timed out
    /// waiting for one, server shutting down) rather than a refusal or a bug.
    public static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
                    || t instanceof EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P: operator intervention (shutdown, crash); 53300: too many connections
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P") || "53300".equals(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
