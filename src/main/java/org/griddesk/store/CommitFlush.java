package org.griddesk.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.exception.DataAccessException;

/// Writes each commit on an embedded H2 store to the database file before `commit()` returns, and
/// with [CommitDurability#POWER] forces it to the disk too.
///
/// H2 (2.x, MVStore) keeps committed changes in memory and writes them from a background thread up
/// to `WRITE_DELAY` (500 ms) later; a process killed in between loses them although they were
/// committed, and acknowledged. `WRITE_DELAY=0` would make H2 write at each commit, but it also stops
/// that background thread, which is the one that rewrites sparse chunks: a first start's store then
/// grew to 0.9 GB instead of 0.24 GB. So the thread keeps its delay, and each commit is followed by
/// H2's `CHECKPOINT` (write what is committed to the file) or `CHECKPOINT SYNC` (and `fsync` it).
///
/// Commits arriving together share one checkpoint: a checkpoint begun after a commit returned
/// writes that commit, so a commit that finds one such done while it waited needs none of its own.
///
/// A transaction is written at `commit()` ([#onCommit]); a single statement that commits by itself
/// (auto-commit) when jOOQ has run it ([#singleStatements]).
final class CommitFlush {
    private final CommitDurability durability;
    private final String checkpoint;
    /// commits that asked for a checkpoint, numbered in the order they asked
    private final AtomicLong asked = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    /// every commit numbered up to this one is written (guarded by lock)
    private long written;

    CommitFlush(CommitDurability durability) {
        this.durability = durability;
        this.checkpoint = durability == CommitDurability.POWER ? "CHECKPOINT SYNC" : "CHECKPOINT";
    }

    CommitDurability durability() {
        return durability;
    }

    /// The connection as it was, except that its `commit()` returns once the commit is written.
    Connection onCommit(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Committing(connection));
    }

    /// Writes what a write statement run by jOOQ outside a transaction committed, before jOOQ returns.
    ExecuteListener singleStatements() {
        return new ExecuteListener() {
            @Override
            public void executeEnd(ExecuteContext ctx) {
                ExecuteType type = ctx.type();
                if (type != ExecuteType.WRITE && type != ExecuteType.BATCH && type != ExecuteType.DDL) {
                    return;
                }
                try {
                    Connection connection = ctx.connection();
                    if (connection.getAutoCommit()) {
                        afterCommit(connection);
                    }
                } catch (SQLException e) {
                    throw new DataAccessException("cannot write the commit of " + type + " to the database file", e);
                }
            }
        };
    }

    /// Writes (or syncs) everything committed until now, unless a checkpoint begun since did.
    void afterCommit(Connection committed) throws SQLException {
        long mine = asked.incrementAndGet();
        lock.lock();
        try {
            if (written >= mine) {
                return;
            }
            long upTo = asked.get();
            try (Statement s = committed.createStatement()) {
                s.execute(checkpoint);
            }
            written = upTo;
        } finally {
            lock.unlock();
        }
    }

    private final class Committing implements InvocationHandler {
        private final Connection connection;

        Committing(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    // the call as it is, on the pool's connection
                }
            }
            Object result;
            try {
                result = method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("commit") && method.getParameterCount() == 0) {
                afterCommit(connection);
            }
            return result;
        }
    }
}
