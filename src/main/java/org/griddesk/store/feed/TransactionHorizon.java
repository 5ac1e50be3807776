package org.griddesk.store.feed;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/// What the store can say about its running transactions, so that a reader knows when a missing
/// sequence number will never come. PostgreSQL says it exactly: the oldest transaction still running
/// is the current snapshot's `xmin`, and a transaction id newer than every one handed out so far is
/// one the asking statement takes for itself (`pg_current_xact_id()`; not the snapshot's `xmax`,
/// which is only one past the newest *completed* transaction, so a transaction that began after it
/// and is still running can lie above it). H2 cannot say, and its readers wait out a time limit.
interface TransactionHorizon {
    /// the oldest transaction id still running (all below it have ended)
    long oldestRunning();

    /// an id greater than every transaction id handed out before the call (all that hold an id began
    /// before)
    long nextTransaction();

    /// false when the store cannot say: then [#oldestRunning] never passes anything
    boolean known();

    static TransactionHorizon of(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.POSTGRES ? new Postgres(dsl) : Unknown.INSTANCE;
    }

    enum Unknown implements TransactionHorizon {
        INSTANCE;

        @Override
        public long oldestRunning() {
            return Long.MIN_VALUE;
        }

        @Override
        public long nextTransaction() {
            return Long.MAX_VALUE;
        }

        @Override
        public boolean known() {
            return false;
        }
    }

    record Postgres(DSLContext dsl) implements TransactionHorizon {
        @Override
        public long oldestRunning() {
            return dsl.select(DSL.field("pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class)).fetchSingle().value1();
        }

        @Override
        public long nextTransaction() {
            // takes an id of its own (committed at once): ids are handed out in order, so it is newer than any before
            return dsl.select(DSL.field("pg_current_xact_id()::text::bigint", Long.class)).fetchSingle().value1();
        }

        @Override
        public boolean known() {
            return true;
        }
    }
}
