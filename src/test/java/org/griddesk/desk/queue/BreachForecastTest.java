package org.griddesk.desk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.NextDeadline;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.learn.BreachModel;
import org.griddesk.learn.BreachTrainer;
import org.griddesk.learn.TwoTeamsHistory;
import org.griddesk.store.ticket.QueueRepository.QueueRow;
import org.griddesk.testsupport.LifecycleFixture;
import org.junit.jupiter.api.Test;

/// The queue's forecast on a model that learnt one team misses most deadlines and the other almost
/// none: a dispatched row gets the chance, and the colour follows the model where it beat the rule;
/// rows it cannot judge keep the rule; no model leaves the rule alone.
class BreachForecastTest {
    private static final Instant NOW = TwoTeamsHistory.NOW;
    private static final BreachModel MODEL = BreachTrainer.trainChecked(TwoTeamsHistory.cases(), NOW, d -> false);

    private static QueueRow row(TicketState state, String team, Instant accepted, Instant due) {
        return new QueueRow(1, "2607-0001", Channel.HOTLINE_8890, state, "路灯不亮", "XSG-001-01", "07-01-001", "XSG", team, "NORMAL",
                accepted.minus(Duration.ofHours(1)), accepted, due, false, 0, 0, 0, false, 0, "", List.of(), null, 0, 0, false);
    }

    private static NextDeadline next(QueueRow r, Instant now) {
        return NextDeadline.of(r.state(), r.reportedAt(), r.acceptedAt(), r.dueAt(), now, TimingPolicies.DEFAULT.at(r.reportedAt()));
    }

    @Test
    void aDispatchedRowGetsTheModelsChanceAndItsColour() {
        AtomicInteger loadsRead = new AtomicInteger();
        BreachForecast forecast = new BreachForecast(() -> Optional.of(MODEL), () -> {
            loadsRead.incrementAndGet();
            return Map.of(TwoTeamsHistory.SLOW, 12);
        }, d -> false);
        Instant accepted = NOW.minus(Duration.ofDays(1));
        QueueRow slow = row(TicketState.DISPATCHED, TwoTeamsHistory.SLOW, accepted, accepted.plus(Duration.ofDays(5)));
        QueueRow quick = row(TicketState.DISPATCHED, TwoTeamsHistory.QUICK, accepted, accepted.plus(Duration.ofDays(5)));
        forecast.readLoads(NOW);
        var bySlow = forecast.of(slow, next(slow, NOW), NOW);
        var byQuick = forecast.of(quick, next(quick, NOW), NOW);
        assertThat(next(slow, NOW).atRisk()).as("four fifths of its time left: the rule sees no risk").isFalse();
        assertThat(bySlow.chance()).isGreaterThan(BreachForecast.AT_RISK);
        assertThat(bySlow.atRisk()).as("the model is sure enough to colour it early").isTrue();
        assertThat(byQuick.chance()).isLessThan(BreachForecast.SAFE);
        assertThat(byQuick.atRisk()).isFalse();
        assertThat(loadsRead).as("loads read with the whole queue, kept for the rows the feed names").hasValue(1);

        // near the deadline the rule colours it; the model takes the colour away only where it is sure
        Instant late = accepted.plus(Duration.ofDays(4).plusHours(23));
        assertThat(next(quick, late).atRisk()).isTrue();
        var quickLate = forecast.of(quick, next(quick, late), late);
        assertThat(quickLate.atRisk()).isEqualTo(quickLate.chance() >= BreachForecast.SAFE);
        assertThat(loadsRead).as("read again once they are old").hasValue(2);
    }

    @Test
    void rowsItCannotJudgeAndAModelThatDidNotBeatTheRuleLeaveTheColourToTheRule() {
        BreachForecast forecast = new BreachForecast(() -> Optional.of(MODEL), Map::of, d -> false);
        Instant accepted = NOW.minus(Duration.ofDays(1));
        QueueRow notDispatched = row(TicketState.ACCEPTED, null, accepted, accepted.plus(Duration.ofDays(5)));
        assertThat(forecast.of(notDispatched, next(notDispatched, NOW), NOW).chance()).isNaN();
        QueueRow overdue = row(TicketState.DISPATCHED, TwoTeamsHistory.SLOW, accepted.minus(Duration.ofDays(9)), accepted.minus(Duration.ofDays(4)));
        var v = forecast.of(overdue, next(overdue, NOW), NOW);
        assertThat(v.chance()).isNaN();

        BreachModel unchecked = BreachTrainer.train(BreachTrainer.examples(TwoTeamsHistory.cases(), NOW, d -> false));
        assertThat(unchecked.facts().beatsRule()).isFalse();
        BreachForecast showsOnly = new BreachForecast(() -> Optional.of(unchecked), Map::of, d -> false);
        QueueRow slow = row(TicketState.DISPATCHED, TwoTeamsHistory.SLOW, accepted, accepted.plus(Duration.ofDays(5)));
        var shown = showsOnly.of(slow, next(slow, NOW), NOW);
        assertThat(shown.chance()).as("the percentage is shown").isGreaterThan(BreachForecast.AT_RISK);
        assertThat(shown.atRisk()).as("the colour stays the rule's").isFalse();

        var none = BreachForecast.none().of(slow, next(slow, NOW), NOW);
        assertThat(none.chance()).isNaN();
        assertThat(none.atRisk()).isFalse();
    }

    @Test
    void aTicketsDetailGetsTheSameChanceAsItsRow() {
        var lifecycle = LifecycleFixture.lifecycle();
        Instant reported = LifecycleFixture.shanghai("2026-07-20T09:00");
        Ticket t = lifecycle.report(1, "2607-0001", LifecycleFixture.hotlineRequest("8890-1", reported), "JN-XSG",
                LifecycleFixture.HOTLINE, reported).after();
        t = lifecycle.execute(t, new TicketCommand.Accept("07-01-001", DeadlinePolicy.general(), false), LifecycleFixture.XSG_DISPATCHER,
                reported.plus(Duration.ofMinutes(10))).after();
        BreachForecast forecast = new BreachForecast(() -> Optional.of(MODEL), Map::of, d -> false);
        Instant now = reported.plus(Duration.ofHours(5));
        assertThat(forecast.chance(t, now)).as("accepted, not yet dispatched").isNaN();
        t = lifecycle.execute(t, new TicketCommand.Dispatch("JN-XSG-CG"), LifecycleFixture.XSG_DISPATCHER,
                reported.plus(Duration.ofMinutes(20))).after();
        // sent back once and urged once: the detail counts them from the ticket's tally, the row from its columns
        t = lifecycle.execute(t, new TicketCommand.Return("不属本队职责"), LifecycleFixture.XSG_CG_HANDLER,
                reported.plus(Duration.ofMinutes(40))).after();
        t = lifecycle.execute(t, new TicketCommand.Dispatch("JN-XSG-CG"), LifecycleFixture.XSG_DISPATCHER,
                reported.plus(Duration.ofMinutes(50))).after();
        t = lifecycle.execute(t, new TicketCommand.Urge("请尽快处置"), LifecycleFixture.XSG_SUPERVISOR,
                reported.plus(Duration.ofHours(2))).after();
        assertThat(t.tally().urged()).isEqualTo(1);
        assertThat(t.tally().returned()).isEqualTo(1);
        double detail = forecast.chance(t, now);
        QueueRow row = new QueueRow(t.id(), t.code(), t.intake().channel(), t.state(), "", null, "07-01-001", t.ownerUnitId(),
                t.assignedTeamId(), "GENERAL", reported, t.milestones().acceptedAt(), t.deadline().dueAt(), false, 0, 0, 0, false, 1, "",
                List.of(), null, 1, 0, false);
        QueueRow reworked = new QueueRow(t.id(), t.code(), t.intake().channel(), t.state(), "", null, "07-01-001", t.ownerUnitId(),
                t.assignedTeamId(), "GENERAL", reported, t.milestones().acceptedAt(), t.deadline().dueAt(), false, 0, 0, 0, false, 1, "",
                List.of(), null, 1, 1, false);
        assertThat(forecast.of(reworked, next(reworked, now), now).chance()).as("a rework round is not forecast").isNaN();
        assertThat(detail).isBetween(0.0, 1.0).isEqualTo(forecast.of(row, next(row, now), now).chance());
        assertThat(forecast.chance(t, t.deadline().dueAt().plusSeconds(1))).as("past its deadline: overdue, no chance").isNaN();
        assertThat(BreachForecast.none().chance(t, now)).isNaN();
    }
}
