package org.griddesk.store.security;

import static org.griddesk.store.jooq.Tables.AUDIT_HEAD;
import static org.griddesk.store.jooq.Tables.AUDIT_LOG;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditChain;
import org.griddesk.security.AuditChainStatus;
import org.griddesk.security.AuditCsv;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditPage;
import org.griddesk.security.AuditQuery;
import org.griddesk.security.AuditRecord;
import org.griddesk.security.AuditRefused;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.AuditSink;
import org.griddesk.security.AuditWords;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.jooq.tables.records.AuditHeadRecord;
import org.griddesk.store.jooq.tables.records.AuditLogRecord;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// The audit log in the store: append-only (the database's own guards, db/vendor) and hash-chained
/// ([AuditChain]). Appends take the lock of the one `audit_head` row, so writers on any number of
/// threads and connections form one chain without holes. Reading, exporting and purging need the
/// audit administrator's permissions; each is recorded, refused attempts too.
public final class AuditLog implements AuditSink {
    private static final int HEAD = 1;
    private static final String LOG_TARGET = "audit_log";

    private final DSLContext dsl;
    private final Clock clock;
    private final AuditRetention retention;

    public AuditLog(DSLContext dsl, Clock clock, AuditRetention retention) {
        this.dsl = dsl;
        this.clock = clock;
        this.retention = retention;
    }

    public AuditRetention retention() {
        return retention;
    }

    /// Writes one record in a transaction of its own.
    @Override
    public void record(AuditEntry entry) {
        dsl.transaction(c -> append(c.dsl(), entry));
    }

    /// Writes `entry` to `sink` inside the caller's transaction `tx` when the sink is the store's
    /// audit log, so that the record commits, or rolls back, with the change it records (and takes
    /// no second connection); any other sink (a test's) records it its own way.
    public static void write(AuditSink sink, DSLContext tx, AuditEntry entry) {
        if (sink instanceof AuditLog log) {
            log.append(tx, entry);
        } else {
            sink.record(entry);
        }
    }

    /// Writes one record inside the caller's transaction `tx`: it commits, or rolls back, with the
    /// change it records. Holds the chain's lock until that transaction ends.
    public AuditRecord append(DSLContext tx, AuditEntry entry) {
        AuditHeadRecord head = lockHead(tx);
        long seq = (head.getLastSeq() == null ? head.getAnchorSeq() : head.getLastSeq()) + 1;
        AuditRecord record = AuditChain.link(seq, AuditRows.fit(entry), head.getLastHash());
        tx.insertInto(AUDIT_LOG).set(AuditRows.row(tx, record)).execute();
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, seq).set(AUDIT_HEAD.LAST_HASH, record.hash())
                .where(AUDIT_HEAD.ID.eq(HEAD)).execute();
        return record;
    }

    /// One page (0-based, newest first) of the records `query` matches. Needs AUDIT_READ; recorded.
    public AuditPage query(Session by, AuditQuery query, int page, int pageSize) {
        if (page < 0 || pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("page " + page + " of size " + pageSize + ": pages count from 0, 1 to 1000 records each");
        }
        require(by, Permission.AUDIT_READ, AuditAction.AUDIT_READ, query);
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Condition where = AuditRows.where(query);
            long total = tx.fetchCount(AUDIT_LOG, where);
            List<AuditRecord> records = tx.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.SEQ.desc())
                    .limit(pageSize).offset((long) page * pageSize).fetch(AuditRows::record);
            append(tx, entry(by, AuditAction.AUDIT_READ, LOG_TARGET, AuditOutcome.SUCCESS,
                    query.describe() + " page=" + (page + 1) + " rows=" + records.size()));
            return new AuditPage(records, page, pageSize, total);
        });
    }

    /// Writes the records `query` matches, oldest first, as CSV ([AuditCsv]) to `out`; returns how
    /// many. Needs AUDIT_EXPORT; recorded with the filters and the count.
    public long export(Session by, AuditQuery query, OutputStream out, String destination, AuditWords words) {
        require(by, Permission.AUDIT_EXPORT, AuditAction.AUDIT_EXPORTED, query);
        try {
            return dsl.transactionResult(c -> {
                DSLContext tx = c.dsl();
                long rows;
                try (AuditCsv csv = new AuditCsv(out, words);
                     Cursor<AuditLogRecord> cursor = tx.selectFrom(AUDIT_LOG).where(AuditRows.where(query))
                             .orderBy(AUDIT_LOG.SEQ).fetchSize(500).fetchLazy()) {
                    for (AuditLogRecord r : cursor) {
                        csv.write(AuditRows.record(r));
                    }
                    rows = csv.rows();
                }
                append(tx, entry(by, AuditAction.AUDIT_EXPORTED, destination, AuditOutcome.SUCCESS,
                        query.describe() + " rows=" + rows));
                return rows;
            });
        } catch (RuntimeException e) {
            record(entry(by, AuditAction.AUDIT_EXPORTED, destination, AuditOutcome.FAILED, query.describe() + " " + e));
            throw e;
        }
    }

    /// The same into a file (removed again when the export fails).
    public long export(Session by, AuditQuery query, Path file, AuditWords words) {
        require(by, Permission.AUDIT_EXPORT, AuditAction.AUDIT_EXPORTED, query);
        try (OutputStream out = Files.newOutputStream(file)) {
            return export(by, query, out, file.toAbsolutePath().toString(), words);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the export's own failure is what matters
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /// Walks the whole chain in seq order, a batch at a time, and says whether it is intact or where
    /// it first breaks ([AuditChainCheck]).
    public AuditChainStatus verify() {
        return new AuditChainCheck(dsl).run();
    }

    /// Deletes the records older than the retention, as `by` (needs AUDIT_READ: the audit
    /// administrator's); returns how many. Recorded as AUDIT_PURGED.
    public int purge(Session by, Instant now) {
        require(by, Permission.AUDIT_READ, AuditAction.AUDIT_PURGED, null);
        return purge(by.accountId(), by.displayName(), by.from(), now);
    }

    /// The daily purge ([AuditPurgeSchedule]), as the system itself.
    public int purgeExpired(Instant now) {
        return purge("griddesk", "GridDesk", Workstation.local(), now);
    }

    /// Deletes every record up to the newest one before which all are older than the cutoff (times
    /// need not rise with seq when desks write at once), never the newest record of all, and keeps
    /// the last deleted record's seq and hash in the head as the anchor the remaining chain starts from.
    private int purge(String actorId, String actorName, Workstation from, Instant now) {
        Instant cutoff = retention.cutoff(now);
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            AuditHeadRecord head = lockHead(tx);
            long anchor = head.getAnchorSeq();
            int deleted = 0;
            if (head.getLastSeq() != null) {
                Long keptFrom = tx.select(DSL.min(AUDIT_LOG.SEQ)).from(AUDIT_LOG)
                        .where(AUDIT_LOG.AT.ge(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))).fetchOne().value1();
                long through = Math.min(keptFrom == null ? head.getLastSeq() : keptFrom - 1, head.getLastSeq() - 1);
                if (through > anchor) {
                    String anchorHash = tx.select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(through)).fetchOne().value1();
                    deleted = tx.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(anchor), AUDIT_LOG.SEQ.le(through)).execute();
                    tx.update(AUDIT_HEAD).set(AUDIT_HEAD.ANCHOR_SEQ, through).set(AUDIT_HEAD.ANCHOR_HASH, anchorHash)
                            .where(AUDIT_HEAD.ID.eq(HEAD)).execute();
                    anchor = through;
                }
            }
            append(tx, new AuditEntry(clock.instant(), actorId, actorName, from, AuditAction.AUDIT_PURGED, LOG_TARGET,
                    AuditOutcome.SUCCESS, "deleted=" + deleted + " before=" + cutoff + " retentionDays=" + retention.days()
                    + " anchorSeq=" + anchor));
            return deleted;
        });
    }

    private AuditHeadRecord lockHead(DSLContext tx) {
        return tx.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(HEAD)).forUpdate().fetchSingle();
    }

    /// Throws [AuditRefused], after recording the refusal, when `by`'s session no longer stands or
    /// lacks `permission`.
    private void require(Session by, Permission permission, AuditAction action, AuditQuery query) {
        if (!AccountRepository.active(dsl, by, clock.instant())) {
            record(entry(by, action, LOG_TARGET, AuditOutcome.REFUSED, "session.ended"));
            throw AuditRefused.sessionEnded(permission, by.username());
        }
        if (!by.may(permission)) {
            record(entry(by, action, LOG_TARGET, AuditOutcome.REFUSED,
                    "missing " + permission + (query == null ? "" : " " + query.describe())));
            throw new AuditRefused(permission, by.username());
        }
    }

    private AuditEntry entry(Session by, AuditAction action, String target, AuditOutcome outcome, String detail) {
        return new AuditEntry(clock.instant(), by.accountId(), by.displayName(), by.from(), action, target, outcome, detail);
    }

    /// Up to `limit` records from `fromSeq` on, oldest first, without a permission check or a record
    /// of the read: for this package's tests only (people read through [#query]).
    List<AuditRecord> records(long fromSeq, int limit) {
        return new ArrayList<>(dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.ge(fromSeq)).orderBy(AUDIT_LOG.SEQ)
                .limit(limit).fetch(AuditRows::record));
    }
}
