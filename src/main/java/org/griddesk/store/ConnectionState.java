package org.griddesk.store;

/// What the desk knows of its database connection.
public enum ConnectionState {
    /// the store is being opened and migrated
    CONNECTING,
    /// the last check answered
    CONNECTED,
    /// the last check failed: reads show the last known state, writes are refused
    DISCONNECTED,
    /// the store could not be opened at all (bad URL, wrong password, newer schema ...)
    FAILED
}
