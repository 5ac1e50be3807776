package org.griddesk.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/// A DataSource that refuses to hand out connections on a forbidden thread, and hands out the
/// others as `handOut` makes them (on an embedded store: writing each commit, [CommitFlush]).
final class GuardedDataSource implements DataSource {
    private final DataSource delegate;
    private final ThreadGuard guard;
    private final UnaryOperator<Connection> handOut;

    GuardedDataSource(DataSource delegate, ThreadGuard guard, UnaryOperator<Connection> handOut) {
        this.delegate = delegate;
        this.guard = guard;
        this.handOut = handOut;
    }

    private void check() {
        if (guard.isForbiddenThread()) {
            throw new ForbiddenThreadException(Thread.currentThread().getName());
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return handOut.apply(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return handOut.apply(delegate.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
