package org.griddesk.supervise.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.griddesk.domain.digest.DigestSettings;
import org.griddesk.domain.digest.MassIncident;
import org.griddesk.domain.digest.TicketRef;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.digest.DigestHistory;
import org.griddesk.store.digest.DigestRepository;
import org.griddesk.store.feed.Change;
import org.griddesk.store.feed.ChangeBatch;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The check that runs as requests arrive: the feed's batch that reports the fifth caller about
/// night-time noise in one grid raises the incident at once, once; batches of other events, or of
/// the ordinary day, raise nothing.
class MassIncidentWatchTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theArrivingRequestThatMakesAnIncidentRaisesItOnce(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            DigestHistory history = new DigestHistory(db.dsl()).write().plantSpike();
            // 22:55 Beijing time on the day: the spike's last request came a minute ago
            Clock clock = Clock.fixed(DigestHistory.DAY.atTime(22, 55).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
            MassIncidentWatch watch = new MassIncidentWatch(DigestRepository.of(db), DigestSettings.DEFAULT, clock);

            assertThat(watch.check(batch("Dispatched", history.spikeIds.getLast()))).as("not an arrival").isEmpty();
            List<MassIncident> raised = watch.check(batch("Reported", history.spikeIds.getLast()));
            assertThat(raised).singleElement().satisfies(m -> {
                assertThat(m.level()).isEqualTo(MassIncident.Level.ITEM_GRID);
                assertThat(m.placeName()).isEqualTo("福馨社区第1网格");
                assertThat(m.subjectName()).isEqualTo("噪音扰民");
                assertThat(m.callers()).isEqualTo(8);
                assertThat(m.tickets()).extracting(TicketRef::id).containsExactlyElementsOf(history.spikeIds);
            });
            assertThat(watch.check(batch("Accepted", history.spikeIds.getLast()))).as("told already").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anOrdinaryDayRaisesNothing(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            new DigestHistory(db.dsl()).write();
            MassIncidentWatch watch = new MassIncidentWatch(DigestRepository.of(db), DigestSettings.DEFAULT,
                    Clock.fixed(DigestHistory.DAY.atTime(20, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC));
            assertThat(watch.check(batch("Reported", 1, 2, 3, 1000, 1100))).isEmpty();
        }
    }

    private static ChangeBatch batch(String event, long... ticketIds) {
        List<Change> changes = new java.util.ArrayList<>();
        for (long id : ticketIds) {
            changes.add(new Change(id * 10, id, event));
        }
        return new ChangeBatch(changes, 0);
    }
}
