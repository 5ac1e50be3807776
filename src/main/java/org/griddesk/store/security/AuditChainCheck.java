package org.griddesk.store.security;

import static org.griddesk.store.jooq.Tables.AUDIT_HEAD;
import static org.griddesk.store.jooq.Tables.AUDIT_LOG;

import java.util.List;
import org.griddesk.security.AuditChainStatus;
import org.griddesk.security.AuditChainStatus.Break;
import org.griddesk.security.AuditChainStatus.Problem;
import org.griddesk.security.AuditRecord;
import org.griddesk.store.jooq.tables.records.AuditHeadRecord;
import org.jooq.DSLContext;

/// One walk over the audit chain, oldest to newest, [#BATCH] records at a time (memory stays flat
/// however long the log): every record must follow the one before without a hole, carry that
/// record's hash as its prev_hash, and hash to its own stored hash; the last must be the one the
/// head names.
///
/// The walk starts at the head's anchor: seq 0 and the genesis hash on a log never purged, else the
/// seq and hash of the newest record the last purge removed. The anchor is trusted: it lives in the
/// head row, which the database guards from deletion; a purge moves it in the same transaction
/// that deletes the records, and records its own run in the chain (AUDIT_PURGED).
final class AuditChainCheck {
    static final int BATCH = 2000;
    private final DSLContext dsl;

    AuditChainCheck(DSLContext dsl) {
        this.dsl = dsl;
    }

    AuditChainStatus run() {
        AuditHeadRecord head = dsl.selectFrom(AUDIT_HEAD).fetchSingle();
        long anchor = head.getAnchorSeq();
        long expected = anchor + 1;
        String prev = head.getAnchorHash();
        long checked = 0;
        // the head is read first: records appended during the walk come after its last seq and are left for the next check
        long last = head.getLastSeq() == null ? anchor : head.getLastSeq();
        while (true) {
            List<AuditRecord> batch = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.ge(expected), AUDIT_LOG.SEQ.le(last))
                    .orderBy(AUDIT_LOG.SEQ).limit(BATCH).fetch(AuditRows::record);
            for (AuditRecord r : batch) {
                Problem problem = r.seq() != expected ? Problem.GAP
                        : !r.prevHash().equals(prev) ? Problem.LINK_BROKEN
                        : !r.hashMatches() ? Problem.HASH_MISMATCH : null;
                if (problem != null) {
                    return new AuditChainStatus(checked, anchor + 1, last, new Break(r.seq(), r.at(), r.actor(), problem, expected));
                }
                prev = r.hash();
                expected++;
                checked++;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (expected != last + 1 || !prev.equals(head.getLastHash())) {
            return new AuditChainStatus(checked, anchor + 1, last, new Break(last, null, null, Problem.HEAD_MISMATCH, expected));
        }
        return AuditChainStatus.intact(checked, anchor + 1, last);
    }
}
