package org.griddesk.desk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.store.supervise.TicketLine;
import org.griddesk.store.supervise.TimerLists;
import org.griddesk.testsupport.HandClock;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// What the desk notifies, when, and not while muted — on a hand clock (Friday 2026-11-27, day shift
/// 08:00–20:00 Shanghai).
class AlertRulesTest {
    private static final Instant START = Instant.parse("2026-11-27T02:00:00Z"); // 10:00 Shanghai
    private static final Predicate<QueueItem> XSG = i -> i.ownerUnitId().equals("JN-XSG");

    private final HandClock clock = new HandClock(START, Duration.ZERO);
    private final AlertRules rules = new AlertRules(ShiftSchedule.defaultSchedule());
    private final List<QueueItem> queue = new ArrayList<>();

    private static QueueItem row(long id, String owner, QueueItem.Risk risk, boolean urgent) {
        return new QueueItem(id, "2611-" + String.format("%04d", id), Channel.HOTLINE_8890, TicketState.DISPATCHED, "井盖缺失", "", "XSG-001-01",
                "", owner, START, null, risk, urgent, 0, 0, 0, QueueItem.Work.NONE);
    }

    private void read() {
        rules.rows(List.copyOf(queue), XSG, clock.now());
    }

    private void put(QueueItem row) {
        queue.removeIf(r -> r.id() == row.id());
        queue.add(row);
    }

    private Optional<AlertDigest> after(Duration d) {
        clock.advance(d);
        return rules.poll(clock.now());
    }

    @BeforeEach
    void whatIsThereAtSignInIsNotNews() {
        put(row(1, "JN-XSG", QueueItem.Risk.URGENT, true));
        put(row(2, "JN-XSG", QueueItem.Risk.OVERDUE, false));
        put(row(3, "JN-XSG", QueueItem.Risk.NORMAL, false));
        read();
        assertThat(after(Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void aBurstOfUrgentTicketsIsOneNotification() {
        put(row(10, "JN-XSG", QueueItem.Risk.URGENT, true));
        read();
        clock.advance(Duration.ofMillis(500));
        put(row(11, "JN-XSG", QueueItem.Risk.URGENT, true));
        put(row(12, "JN-XSG", QueueItem.Risk.URGENT, true));
        read();
        read(); // the same rows read again are not news again
        assertThat(rules.poll(clock.now())).as("gathering the burst").isEmpty();

        AlertDigest digest = after(AlertRules.GATHER).orElseThrow();
        assertThat(digest.alerts()).extracting(Alert::kind).containsOnly(Alert.Kind.URGENT).hasSize(3);
        Messages zh = Messages.of(Language.ZH_CN, "i18n/timers");
        assertThat(digest.text(zh)).isEqualTo("3 张紧急工单：2611-0010、2611-0011、2611-0012");
        assertThat(digest.title(zh)).isEqualTo("工单提醒（3）");
        assertThat(digest.text(Messages.of(Language.EN, "i18n/timers"))).isEqualTo("3 urgent tickets: 2611-0010, 2611-0011, 2611-0012");
        assertThat(digest.firstTicketId()).isEqualTo(10);
        assertThat(after(Duration.ofMinutes(5))).as("said once").isEmpty();
    }

    @Test
    void ticketsTurningAtRiskOrOverdueInTheUsersScopeAreNotifiedOnceAndOthersNot() {
        put(row(3, "JN-XSG", QueueItem.Risk.AT_RISK, false));
        put(row(20, "JN-GG", QueueItem.Risk.URGENT, true)); // another town's: not in scope
        read();
        clock.advance(Duration.ofSeconds(30));
        put(row(3, "JN-XSG", QueueItem.Risk.OVERDUE, false));
        put(row(2, "JN-XSG", QueueItem.Risk.OVERDUE, false)); // overdue already: not news
        read();
        AlertDigest digest = rules.poll(clock.now()).orElseThrow();
        assertThat(digest.alerts()).containsExactly(new Alert(Alert.Kind.AT_RISK, 3, "2611-0003"),
                new Alert(Alert.Kind.OVERDUE, 3, "2611-0003"));
        assertThat(digest.text(Messages.of(Language.ZH_CN, "i18n/timers"))).isEqualTo("1 张工单超期：2611-0003\n1 张工单临期：2611-0003");
        put(row(3, "JN-XSG", QueueItem.Risk.OVERDUE, false));
        read();
        assertThat(after(Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void notificationsComeNoMoreOftenThanTheQuietTime() {
        put(row(30, "JN-XSG", QueueItem.Risk.URGENT, true));
        read();
        assertThat(after(AlertRules.GATHER)).isPresent();
        put(row(31, "JN-XSG", QueueItem.Risk.URGENT, true));
        read();
        assertThat(after(AlertRules.GATHER)).as("within the quiet time").isEmpty();
        put(row(32, "JN-XSG", QueueItem.Risk.URGENT, true));
        read();
        assertThat(after(AlertRules.QUIET_FOR)).hasValueSatisfying(d -> assertThat(d.alerts()).extracting(Alert::ticketId)
                .containsExactly(31L, 32L));
    }

    @Test
    void aWhistleTurningLateIsNotifiedOnceAndOnesLateAtSignInAreNot() {
        Instant now = clock.now();
        TimerLists.WhistleLine lateAlready = whistle(40, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)), null);
        TimerLists.WhistleLine dueSoon = whistle(41, now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(1)), null);
        rules.whistles(List.of(lateAlready, dueSoon), now);
        assertThat(after(Duration.ofSeconds(30))).isEmpty();
        rules.whistles(List.of(lateAlready, dueSoon), clock.now());
        assertThat(after(AlertRules.GATHER)).as("not late yet").isEmpty();

        clock.advance(Duration.ofMinutes(1)); // the clock alone makes it late: no read of the store
        rules.whistles(List.of(lateAlready, dueSoon), clock.now());
        AlertDigest digest = after(AlertRules.GATHER).orElseThrow();
        assertThat(digest.alerts()).containsExactly(new Alert(Alert.Kind.LATE_CHECK_IN, 41, "2611-0041"));
        assertThat(digest.text(Messages.of(Language.ZH_CN, "i18n/timers"))).isEqualTo("1 张工单吹哨报到迟到：2611-0041");

        TimerLists.WhistleLine checkedInLate = whistle(42, now.minus(Duration.ofHours(4)), now.minus(Duration.ofHours(2)), clock.now());
        rules.whistles(List.of(lateAlready, dueSoon, checkedInLate), clock.now());
        rules.whistles(List.of(lateAlready, dueSoon, checkedInLate), clock.now());
        assertThat(after(AlertRules.QUIET_FOR).orElseThrow().alerts()).extracting(Alert::ticketId).containsExactly(42L);
    }

    @Test
    void mutedForTheShiftNothingIsSaidUntilTheNextShiftBegins() {
        rules.muteForShift(clock.now());
        assertThat(rules.mutedAt(clock.now())).isTrue();
        put(row(50, "JN-XSG", QueueItem.Risk.URGENT, true));
        read();
        assertThat(after(Duration.ofHours(1))).isEmpty();
        assertThat(after(Duration.ofHours(8))).as("19:00: still the day shift").isEmpty();
        assertThat(rules.mutedAt(clock.now())).isTrue();

        clock.advance(Duration.ofHours(1)); // 20:00: the night shift
        assertThat(rules.mutedAt(clock.now())).isFalse();
        assertThat(rules.poll(clock.now())).as("what came while muted is not said later").isEmpty();
        put(row(51, "JN-XSG", QueueItem.Risk.URGENT, true));
        read();
        assertThat(after(AlertRules.GATHER).orElseThrow().alerts()).extracting(Alert::ticketId).containsExactly(51L);
    }

    @Test
    void unmutedByHandItSpeaksAgainAndAnotherUserStartsAfresh() {
        rules.muteForShift(clock.now());
        rules.unmute();
        put(row(60, "JN-XSG", QueueItem.Risk.URGENT, true));
        read();
        assertThat(after(AlertRules.GATHER)).isPresent();

        rules.reset();
        put(row(61, "JN-XSG", QueueItem.Risk.URGENT, true));
        read();
        assertThat(after(Duration.ofMinutes(1))).as("the next user's first read is not news").isEmpty();
    }

    @Test
    void aLongBurstNamesThreeCodesAndCountsTheRest() {
        for (long id = 70; id < 90; id++) {
            put(row(id, "JN-XSG", QueueItem.Risk.URGENT, true));
        }
        read();
        AlertDigest digest = after(AlertRules.GATHER).orElseThrow();
        assertThat(digest.text(Messages.of(Language.ZH_CN, "i18n/timers"))).isEqualTo("20 张紧急工单：2611-0070、2611-0071、2611-0072 等");
    }

    private static TimerLists.WhistleLine whistle(long ticketId, Instant summoned, Instant due, Instant checkedIn) {
        TicketLine t = new TicketLine(ticketId, "2611-" + String.format("%04d", ticketId), TicketState.IN_PROGRESS, "", "井盖缺失", "",
                "", "JN-XSG", summoned, null);
        return new TimerLists.WhistleLine(t, new Whistle("JN-CGW", summoned, due, checkedIn, 1));
    }
}
