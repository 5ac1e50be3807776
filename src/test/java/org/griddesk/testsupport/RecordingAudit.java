package org.griddesk.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;

/// An audit sink that keeps what it is given, for tests to read (the store's own log is tested on its own).
public final class RecordingAudit implements AuditSink {
    private final List<AuditEntry> entries = new ArrayList<>();
    private volatile boolean failing;

    @Override
    public synchronized void record(AuditEntry entry) {
        if (failing) {
            throw new IllegalStateException("the audit log cannot be written");
        }
        entries.add(entry);
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<AuditEntry> of(AuditAction action) {
        return entries.stream().filter(e -> e.action() == action).toList();
    }

    public synchronized List<AuditEntry> of(AuditAction action, AuditOutcome outcome) {
        return entries.stream().filter(e -> e.action() == action && e.outcome() == outcome).toList();
    }

    public synchronized AuditEntry last() {
        return entries.getLast();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /// From now on every record fails, as when the log's store is unreachable.
    public void failFromNowOn() {
        failing = true;
    }
}
