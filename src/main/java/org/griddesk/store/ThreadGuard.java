package org.griddesk.store;

/// Says whether the current thread must not touch the database (the UI thread).
///
/// The store knows nothing of JavaFX: the desk passes `Platform::isFxApplicationThread`.
@FunctionalInterface
public interface ThreadGuard {
    ThreadGuard NONE = () -> false;

    boolean isForbiddenThread();
}
