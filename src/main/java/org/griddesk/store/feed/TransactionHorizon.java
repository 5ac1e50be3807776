package org.griddesk.store.feed;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/// What the store can say about its running transactions, so that a reader knows when a missing
/// sequence number will never come. PostgreSQL says it exactly (`pg_current_snapshot()`: the oldest
/// transaction still running and the next one to begin); H2 cannot, and its readers wait out a
/// time limit instead.
interface TransactionHorizon {
    /// the oldest transaction id still running (all below it have ended)
    long oldestRunning();

    /// the id the next transaction will get (all that hold an id began before)
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
        private Record2<Long, Long> snapshot() {
            return dsl.select(DSL.field("pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class),
                    DSL.field("pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class)).fetchSingle();
        }

        @Override
        public long oldestRunning() {
            return snapshot().value1();
        }

        @Override
        public long nextTransaction() {
            return snapshot().value2();
        }

        @Override
        public boolean known() {
            return true;
        }
    }
}
