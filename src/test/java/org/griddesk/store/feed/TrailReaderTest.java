package org.griddesk.store.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The change feed's promise: every committed event once, in particular one whose sequence number
/// commits after a larger one. The interleaving is forced with two transactions held open by hand.
class TrailReaderTest {
    @TempDir
    Path temp;

    private static HandClock clock() {
        return new HandClock(Instant.parse("2026-11-26T08:00:00Z"), Duration.ZERO);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anEventWhoseNumberCommitsAfterALargerOneIsReadOnceWhenItCommits(DatabaseKind kind) throws SQLException {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            long ticket = aTicket(db);
            TrailReader reader = TrailReader.fromNow(db.dsl(), clock());
            try (Connection slow = db.dataSource().getConnection(); Connection fast = db.dataSource().getConnection()) {
                slow.setAutoCommit(false);
                fast.setAutoCommit(false);
                long early = appendEvent(slow, ticket, 101); // draws the smaller number, commits last
                long late = appendEvent(fast, ticket, 102);
                assertThat(late).isGreaterThan(early);
                fast.commit();

                assertThat(seqs(reader.next())).as("only what is committed").containsExactly(late);
                assertThat(reader.waitingFor()).contains(early);
                assertThat(seqs(reader.next())).as("the smaller number is still uncommitted").isEmpty();

                slow.commit();
                assertThat(seqs(reader.next())).as("read when it commits, though smaller than one already read")
                        .containsExactly(early);
                assertThat(reader.waitingFor()).isEmpty();
                assertThat(seqs(reader.next())).as("never twice").isEmpty();
            }
        }
    }

    /// The hard case for the horizon: the transaction holding the missing number began after the one
    /// that committed the larger number, so its id is above every completed one.
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMissingNumberHeldByATransactionYoungerThanEveryCommittedOneIsWaitedFor(DatabaseKind kind) throws SQLException {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            long ticket = aTicket(db);
            TrailReader reader = TrailReader.fromNow(db.dsl(), clock());
            try (Connection older = db.dataSource().getConnection(); Connection younger = db.dataSource().getConnection()) {
                older.setAutoCommit(false);
                younger.setAutoCommit(false);
                takeTransactionId(older, 2025);    // the older transaction gets its id first ...
                long early = appendEvent(younger, ticket, 401); // ... the younger draws the smaller number
                long late = appendEvent(older, ticket, 402);
                older.commit();
                assertThat(seqs(reader.next())).containsExactly(late);
                for (int i = 0; i < 3; i++) {
                    assertThat(seqs(reader.next())).isEmpty();
                    assertThat(reader.waitingFor()).as("still running: not given up").contains(early);
                }
                younger.commit();
                assertThat(seqs(reader.next())).containsExactly(early);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aNumberRolledBackIsGivenUpWithoutLosingWhatCameAfter(DatabaseKind kind) throws SQLException {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            long ticket = aTicket(db);
            HandClock clock = clock();
            TrailReader reader = TrailReader.fromNow(db.dsl(), clock);
            long lost;
            try (Connection abandoned = db.dataSource().getConnection(); Connection other = db.dataSource().getConnection()) {
                abandoned.setAutoCommit(false);
                other.setAutoCommit(true);
                lost = appendEvent(abandoned, ticket, 201);
                long kept = appendEvent(other, ticket, 202);
                assertThat(seqs(reader.next())).containsExactly(kept);
                abandoned.rollback();
            }
            long after = appendEvent(db, ticket, 203);
            assertThat(seqs(reader.next())).containsExactly(after);
            if (kind == DatabaseKind.POSTGRESQL) {
                // the store says every transaction that could hold it has ended: given up at once
                assertThat(reader.waitingFor()).as("known rolled back").doesNotContain(lost);
            } else {
                assertThat(reader.waitingFor()).as("H2 cannot say: waited for").contains(lost);
                clock.advance(TrailReader.H2_GAP_WAIT);
                reader.next();
                assertThat(reader.waitingFor()).as("until the time limit").doesNotContain(lost);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aReaderStartedWhileATransactionHoldsASmallerNumberStillGetsIt(DatabaseKind kind) throws SQLException {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            long ticket = aTicket(db);
            try (Connection slow = db.dataSource().getConnection()) {
                slow.setAutoCommit(false);
                long early = appendEvent(slow, ticket, 301);
                appendEvent(db, ticket, 302);
                TrailReader reader = TrailReader.fromNow(db.dsl(), clock()); // starts past both
                assertThat(seqs(reader.next())).isEmpty();
                slow.commit();
                assertThat(seqs(reader.next())).containsExactly(early);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aLongBacklogComesOutInPagesEachEventOnce(DatabaseKind kind) throws SQLException {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            long ticket = aTicket(db);
            TrailReader reader = TrailReader.fromNow(db.dsl(), clock());
            int n = TrailReader.PAGE * 2 + 7;
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                for (int v = 0; v < n; v++) {
                    appendEvent(c, ticket, 1000 + v);
                }
                c.commit();
            }
            List<Long> all = new ArrayList<>();
            do {
                all.addAll(seqs(reader.next()));
            } while (reader.more());
            assertThat(all).hasSize(n).doesNotHaveDuplicates().isSorted();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void skippingAheadGivesNothingOfWhatLayBetweenAndReadingOnMissesNothingAfter(DatabaseKind kind) throws SQLException {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            long ticket = aTicket(db);
            TrailReader reader = TrailReader.fromNow(db.dsl(), clock());
            assertThat(reader.skipAhead()).as("nothing new").isFalse();
            for (int v = 0; v < 50; v++) {
                appendEvent(db, ticket, 400 + v); // a bulk load nobody reads one by one
            }
            try (Connection slow = db.dataSource().getConnection()) {
                slow.setAutoCommit(false);
                long early = appendEvent(slow, ticket, 460); // still running when the reader skips
                long last = appendEvent(db, ticket, 461);

                assertThat(reader.skipAhead()).isTrue();
                assertThat(reader.position()).isEqualTo(last);
                assertThat(reader.skipAhead()).as("nothing newer").isFalse();
                long after = appendEvent(db, ticket, 462);
                slow.commit();

                assertThat(seqs(reader.next())).as("only what was committed after it stood, and the one still running then")
                        .containsExactlyInAnyOrder(early, after);
                assertThat(seqs(reader.next())).isEmpty();
            }
        }
    }

    static long aTicket(Database db) {
        return new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC())
                .report(hotlineRequest("8890-F" + System.nanoTime(), Instant.now()), "JN-XSG", HOTLINE).after().id();
    }

    static long appendEvent(Database db, long ticket, long version) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            return appendEvent(c, ticket, version);
        }
    }

    /// Appends a bare event row (the service's own path is not needed to prove the reader) and
    /// returns the number it drew.
    private static long appendEvent(Connection c, long ticket, long version) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ticket_event (ticket_id, ticket_version, round_no,"
                + " event_type, actor_id, actor_name, actor_role, actor_unit, occurred_at, to_state, details)"
                + " VALUES (?, ?, 1, 'Urged', 'test', '测试', 'SUPERVISOR', 'JN', CURRENT_TIMESTAMP, 'ACCEPTED', '{}')",
                new String[] {"seq"})) {
            insert.setLong(1, ticket);
            insert.setLong(2, version);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /// Writes a row of no consequence, so that the transaction has its id from then on.
    private static void takeTransactionId(Connection c, int year) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO calendar_notice (notice_year, imported_at, source) VALUES (?, CURRENT_TIMESTAMP, 'test')")) {
            insert.setInt(1, year);
            insert.executeUpdate();
        }
    }

    private static List<Long> seqs(ChangeBatch batch) {
        return batch.changes().stream().map(Change::seq).toList();
    }
}
