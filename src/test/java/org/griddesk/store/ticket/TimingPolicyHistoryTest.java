package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A changed limit in the configuration applies to the tickets reported (and whistles blown) after
/// the desk started with it; those before keep the limits they were timed by.
class TimingPolicyHistoryTest {
    private static final TimingPolicy SHORTER = new TimingPolicy(Duration.ofMinutes(10), Duration.ofMinutes(45), 2, 0.3);

    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(shanghai("2026-11-27T09:00"), Duration.ofSeconds(1));

    @Test
    void theConfiguredPolicyTimesTicketsReportedFromWhenItWasFirstRecorded() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            TimingPolicyHistory history = new TimingPolicyHistory(db.dsl(), clock);
            assertThat(history.read()).isEqualTo(TimingPolicies.DEFAULT);
            assertThat(history.record(TimingPolicy.DEFAULT)).as("the defaults again: nothing to record").isEqualTo(TimingPolicies.DEFAULT);
            Instant before = clock.instant();
            clock.advance(Duration.ofMinutes(5));
            TimingPolicies recorded = history.record(SHORTER);
            Instant after = clock.instant();

            TimingPolicies read = new TimingPolicyHistory(db.dsl(), clock).read();
            assertThat(read).isEqualTo(recorded);
            assertThat(read.at(before)).as("a ticket reported before the change").isEqualTo(TimingPolicy.DEFAULT);
            assertThat(read.at(after)).isEqualTo(SHORTER);
            assertThat(read.current()).isEqualTo(SHORTER);

            clock.advance(Duration.ofHours(1));
            assertThat(history.record(SHORTER).periods()).as("the same on the next start: still one change").hasSize(2);
            history.record(TimingPolicy.DEFAULT); // changed back
            TimingPolicies back = history.read();
            assertThat(back.periods()).hasSize(3);
            assertThat(back.at(after)).isEqualTo(SHORTER);
            assertThat(back.at(clock.instant())).isEqualTo(TimingPolicy.DEFAULT);
        }
    }

    @Test
    void aShorterCheckInTimeGivesNewWhistlesTheirDueAndLeavesTheEarlierOnesAsTheyWere() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            WorkCalendar calendar = WorkCalendar.builtIn();
            TicketService byDefault = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            Ticket early = whistled(byDefault);
            Instant earlyDue = early.whistles().getFirst().checkInDue();
            assertThat(earlyDue).isEqualTo(calendar.addWorkingTime(early.whistles().getFirst().summonedAt(), Duration.ofHours(2)));

            LifecycleRules configured = new LifecycleRules(Duration.ofMinutes(30), 30, 2000);
            TicketService shorter = new TicketService(db.dsl(), new TicketLifecycle(calendar, LifecycleFixture.ORGANISATION, configured),
                    clock);
            Ticket later = whistled(shorter);
            assertThat(later.whistles().getFirst().checkInDue())
                    .isEqualTo(calendar.addWorkingTime(later.whistles().getFirst().summonedAt(), Duration.ofMinutes(30)));
            assertThat(new TicketRepository(db.dsl()).get(early.id()).whistles().getFirst().checkInDue())
                    .as("stored when it was blown").isEqualTo(earlyDue);
        }
    }

    private Ticket whistled(TicketService service) {
        Ticket t = service.report(hotlineRequest("8890-W" + clock.now().getEpochSecond(), clock.now()), "JN-XSG", HOTLINE).after();
        t = service.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER).after();
        return service.execute(t, new TicketCommand.Whistle(List.of("JN-CGW")), XSG_DISPATCHER).after();
    }

    @Test
    void theHistoryReadsBackWhatItWroteAndSkipsWhatItCannotRead() {
        TimingPolicies p = TimingPolicies.DEFAULT.from(Instant.parse("2026-11-27T01:00:00Z"), SHORTER);
        assertThat(TimingPolicyHistory.parse(TimingPolicyHistory.format(p.periods()))).isEqualTo(p);
        assertThat(TimingPolicyHistory.parse("garbage\n2026-11-27T01:00:00Z 10 45 2 30 extra\n"))
                .as("a line it cannot read is left out").satisfies(read -> assertThat(read.current()).isEqualTo(SHORTER));
        assertThat(TimingPolicyHistory.parse("")).isEqualTo(TimingPolicies.DEFAULT);
    }

    @Test
    void twoDesksWithOtherLimitsTakingTurnsNeverOverflowTheProperty() {
        TimingPolicies p = TimingPolicies.DEFAULT;
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 300; i++) {
            p = p.from(at.plusSeconds(i * 3600L), i % 2 == 0 ? SHORTER : TimingPolicy.DEFAULT);
        }
        String kept = TimingPolicyHistory.newestThatFit(p.periods());
        assertThat(kept.length()).isLessThanOrEqualTo(TimingPolicyHistory.MAX_TEXT);
        assertThat(TimingPolicyHistory.parse(kept).current()).as("the newest kept").isEqualTo(p.current());
    }
}
