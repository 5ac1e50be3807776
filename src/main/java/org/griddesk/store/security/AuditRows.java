package org.griddesk.store.security;

import static org.griddesk.store.jooq.Tables.AUDIT_LOG;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditChain;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditQuery;
import org.griddesk.security.AuditRecord;
import org.griddesk.security.Workstation;
import org.griddesk.store.jooq.tables.records.AuditLogRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// audit_log rows to records and back, and queries to conditions.
final class AuditRows {
    private AuditRows() {
    }

    /// The entry as the columns can hold it (clipped to their lengths, NUL removed, time at
    /// microseconds): what is hashed is exactly what is stored.
    static AuditEntry fit(AuditEntry e) {
        return new AuditEntry(AuditChain.stored(e.at()), clip(e.actorId(), 120), clip(e.actorName(), 200),
                new Workstation(clip(e.from().host(), 255), clip(e.from().address(), 64)), e.action(), clip(e.target(), 500),
                e.outcome(), clip(e.detail(), 2000));
    }

    private static String clip(String s, int max) {
        String clean = s.replace("\u0000", "");
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }

    static AuditLogRecord row(DSLContext tx, AuditRecord r) {
        AuditEntry e = r.entry();
        return tx.newRecord(AUDIT_LOG).setSeq(r.seq()).setAt(OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                .setActorId(e.actorId()).setActorName(e.actorName()).setHost(e.from().host()).setAddress(e.from().address())
                .setAction(e.action().name()).setTarget(e.target()).setOutcome(e.outcome().name()).setDetail(e.detail())
                .setPrevHash(r.prevHash()).setHash(r.hash());
    }

    static AuditRecord record(AuditLogRecord r) {
        return new AuditRecord(r.getSeq(), new AuditEntry(r.getAt().toInstant(), r.getActorId(), r.getActorName(),
                new Workstation(r.getHost(), r.getAddress()), AuditAction.valueOf(r.getAction()), r.getTarget(),
                AuditOutcome.valueOf(r.getOutcome()), r.getDetail()), r.getPrevHash(), r.getHash());
    }

    static Condition where(AuditQuery q) {
        List<Condition> all = new ArrayList<>();
        if (q.from() != null) {
            all.add(AUDIT_LOG.AT.ge(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC)));
        }
        if (q.to() != null) {
            all.add(AUDIT_LOG.AT.lt(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC)));
        }
        if (q.actor() != null) {
            all.add(AUDIT_LOG.ACTOR_ID.containsIgnoreCase(q.actor()).or(AUDIT_LOG.ACTOR_NAME.containsIgnoreCase(q.actor())));
        }
        if (q.action() != null) {
            all.add(AUDIT_LOG.ACTION.eq(q.action().name()));
        }
        if (q.outcome() != null) {
            all.add(AUDIT_LOG.OUTCOME.eq(q.outcome().name()));
        }
        if (q.text() != null) {
            all.add(AUDIT_LOG.TARGET.containsIgnoreCase(q.text()).or(AUDIT_LOG.DETAIL.containsIgnoreCase(q.text())));
        }
        return DSL.and(all);
    }
}
