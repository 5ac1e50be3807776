package org.griddesk.store;

/// Thrown when code asks for a database connection on the UI thread: a programming error that
/// would freeze the desk, so it fails loudly (and fails every test that does it).
public final class ForbiddenThreadException extends IllegalStateException {
    public ForbiddenThreadException(String threadName) {
        super("database touched on the UI thread '" + threadName
                + "': run it through the TaskExecutor instead");
    }
}
