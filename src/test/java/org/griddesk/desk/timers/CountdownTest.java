package org.griddesk.desk.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.griddesk.desk.board.TeamBoard;
import org.griddesk.desk.board.TeamBoardModel;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.store.supervise.TicketLine;
import org.griddesk.store.supervise.TimerLists;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.Test;

/// The countdown's words and the whistle's clock: time left, late and still open, checked in late.
class CountdownTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    @Test
    void aCountdownReadsHoursMinutesSecondsAndDaysInFrontFromADayOn() {
        assertThat(Countdown.of(Duration.ofSeconds(3909), Language.ZH_CN)).isEqualTo("1:05:09");
        assertThat(Countdown.of(Duration.ofSeconds(-59), Language.ZH_CN)).isEqualTo("0:00:59");
        assertThat(Countdown.of(Duration.ofHours(24).minusSeconds(1), Language.ZH_CN)).isEqualTo("23:59:59");
        assertThat(Countdown.of(Duration.ofHours(30), Language.ZH_CN)).isEqualTo("1天 6:00:00");
        assertThat(Countdown.of(Duration.parse("PT156H41M2S").negated(), Language.ZH_CN)).isEqualTo("6天 12:41:02");
        assertThat(Countdown.of(Duration.parse("PT156H41M2S"), Language.EN)).isEqualTo("6 d 12:41:02");
    }

    @Test
    void aWhistleCountsDownToItsDueThenIsLateAndACheckInAfterItStaysLate() {
        Whistle open = new Whistle("JN-CGW", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(90)), null, 1);
        assertThat(open.leftAt(NOW)).isEqualTo(Duration.ofMinutes(90));
        assertThat(open.isLateAt(NOW)).isFalse();
        assertThat(open.isLateAt(NOW.plus(Duration.ofMinutes(91)))).isTrue();
        assertThat(open.leftAt(NOW.plus(Duration.ofMinutes(100)))).isEqualTo(Duration.ofMinutes(-10));

        Whistle onTime = new Whistle("JN-CGW", NOW, NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(1)), 1);
        assertThat(onTime.checkedInLate()).isFalse();
        assertThat(onTime.lateBy()).isZero();
        Whistle late = new Whistle("JN-CGW", NOW, NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofMinutes(155)), 1);
        assertThat(late.checkedInLate()).isTrue();
        assertThat(late.isLateAt(NOW)).as("late however one looks at it afterwards").isTrue();
        assertThat(late.lateBy()).isEqualTo(Duration.ofMinutes(35));
    }

    @Test
    void eachSummonedDepartmentShowsItsSoonestOpenCheckInAndItsLateOnes() {
        List<TimerLists.WhistleLine> lines = List.of(
                line(1, "JN-CGW", NOW.plus(Duration.ofMinutes(50)), null),
                line(2, "JN-CGW", NOW.plus(Duration.ofMinutes(20)), null),
                line(3, "JN-CGW", NOW.minus(Duration.ofMinutes(5)), null),
                line(4, "JN-SWJ", NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofMinutes(10))));
        var byTeam = TeamBoardModel.checkIns(lines, NOW);
        assertThat(byTeam.get("JN-CGW")).isEqualTo(new TeamBoard.CheckIns(NOW.plus(Duration.ofMinutes(20)), 1));
        assertThat(byTeam.get("JN-SWJ")).isEqualTo(new TeamBoard.CheckIns(null, 1));
        assertThat(byTeam).doesNotContainKey("JN-ZJJ");
    }

    private static TimerLists.WhistleLine line(long id, String team, Instant due, Instant checkedIn) {
        TicketLine t = new TicketLine(id, "2611-000" + id, TicketState.IN_PROGRESS, "", "", "", "", "JN-XSG", NOW, null);
        return new TimerLists.WhistleLine(t, new Whistle(team, NOW.minus(Duration.ofHours(3)), due, checkedIn, 1));
    }
}
