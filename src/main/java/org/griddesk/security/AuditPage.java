package org.griddesk.security;

import java.util.List;

/// One page of audit records, newest first, and how many records the query matched in all.
///
/// @param page  0-based
public record AuditPage(List<AuditRecord> records, int page, int pageSize, long total) {
    public AuditPage {
        records = List.copyOf(records);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
