package org.griddesk.app;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.store.Database;
import org.griddesk.store.assessment.AssessmentReaders;
import org.griddesk.supervise.bulletin.BulletinSources;

/// What the assessment's command line and screens read, built from one store: the KPI engine, the
/// formula's settings, the town areas and the tickets' digests.
final class AssessmentWiring {
    private AssessmentWiring() {
    }

    static KpiEngine engine(Database db) {
        return AssessmentReaders.of(db.dsl(), Clock.systemUTC()).engine();
    }

    static BulletinSources sources(Database db) {
        return BulletinSources.of(AssessmentReaders.of(db.dsl(), Clock.systemUTC()));
    }

    /// The sources of the store `database` gives, built once per store when first asked (off the FX
    /// thread: building the engine brings the store's working-day table up to date).
    static Supplier<BulletinSources> lazily(Supplier<Database> database) {
        AtomicReference<Map.Entry<Database, BulletinSources>> built = new AtomicReference<>();
        return () -> {
            Database db = database.get();
            if (db == null) {
                throw new IllegalStateException("the store is not open yet");
            }
            var current = built.get();
            if (current == null || current.getKey() != db) {
                current = Map.entry(db, sources(db));
                built.set(current);
            }
            return current.getValue();
        };
    }
}
