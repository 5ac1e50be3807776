package org.griddesk.desk.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.NextDeadline;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TicketTiming;
import org.griddesk.learn.BreachModel;
import org.griddesk.learn.BreachSnapshot;
import org.griddesk.learn.BreachTrainer;
import org.griddesk.store.ticket.QueueRepository.QueueRow;

/// The learnt chance that a dispatched ticket misses its deadline, for the queue's rows, and the
/// at-risk colour it decides: where the model is sure (at least [#AT_RISK], or below [#SAFE]) it
/// colours the row, in between the 20 % rule does. It decides only with a model that beat the rule
/// on its held-out check; any other model shows its percentage and leaves the colour to the rule;
/// with none, rows have no chance and the rule alone colours. The teams' loads are read with a whole
/// queue and kept for [#LOADS_KEPT] for the few rows the change feed names.
public final class BreachForecast {
    /// from this chance on, the model colours a row at risk (four times the demo history's share of
    /// misses; on its held-out months this colours a third more rows than the rule and catches a
    /// quarter more of the misses, earlier, about as often right: BreachRiskBenchmark)
    public static final double AT_RISK = 0.25;
    /// under this chance, the model takes the rule's at-risk colour away
    public static final double SAFE = 0.10;
    static final Duration LOADS_KEPT = Duration.ofSeconds(30);

    private final Supplier<Optional<BreachModel>> model;
    private final Supplier<Map<String, Integer>> loadReader;
    private final Predicate<LocalDate> holiday;
    private Map<String, Integer> loads = Map.of();
    private Instant loadsRead = Instant.MIN;

    /// `model`: the model in use now (it may be retrained meanwhile); `loads`: the teams' loads from
    /// the store; `holiday`: whether a day is a holiday
    public BreachForecast(Supplier<Optional<BreachModel>> model, Supplier<Map<String, Integer>> loads, Predicate<LocalDate> holiday) {
        this.model = model;
        this.loadReader = loads;
        this.holiday = holiday;
    }

    /// No model: the rule alone.
    public static BreachForecast none() {
        return new BreachForecast(Optional::empty, Map::of, d -> false);
    }

    /// What the forecast says of one row.
    /// @param chance NaN when none is known
    record Verdict(double chance, boolean atRisk) {
    }

    /// Reads the teams' loads again (with a whole queue), when there is a model to use them.
    synchronized void readLoads(Instant now) {
        if (model.get().isPresent()) {
            loads = loadReader.get();
            loadsRead = now;
        }
    }

    /// The row's chance and whether it is at risk at `now`, given the deadline it races.
    synchronized Verdict of(QueueRow r, NextDeadline next, Instant now) {
        Optional<BreachModel> m = model.get();
        if (m.isEmpty() || next.step() != TicketTiming.Step.FINISH || next.overdue()) {
            return new Verdict(Double.NaN, next.atRisk());
        }
        double chance = chance(m.get(), r.state(), r.itemCode(), r.assignedTeamId(), r.ownerUnitId(), r.channel(),
                r.acceptedAt() != null ? r.acceptedAt() : r.reportedAt(), next.dueAt(), now, r.urges(), r.returns(), r.reworks());
        if (Double.isNaN(chance) || !m.get().facts().beatsRule()) {
            return new Verdict(chance, next.atRisk());
        }
        return new Verdict(chance, atRisk(chance, next.atRisk()));
    }

    /// A ticket's chance at `now` for its detail, or NaN when none is known (no model, not
    /// dispatched, no deadline or already past it).
    public synchronized double chance(Ticket t, Instant now) {
        Optional<BreachModel> m = model.get();
        if (m.isEmpty() || t.deadline() == null || t.deadline().consultation() || !now.isBefore(t.deadline().dueAt())) {
            return Double.NaN;
        }
        Instant started = t.milestones().acceptedAt() != null ? t.milestones().acceptedAt() : t.intake().reportedAt();
        return chance(m.get(), t.state(), t.deadline().itemCode(), t.assignedTeamId(), t.ownerUnitId(), t.intake().channel(), started,
                t.deadline().dueAt(), now, t.tally().urged(), t.tally().returned(), t.tally().reworked());
    }

    private double chance(BreachModel m, TicketState state, String item, String team, String unit, Channel channel, Instant started,
                          Instant due, Instant now, int urges, int returns, int reworks) {
        boolean dispatched = state == TicketState.DISPATCHED || state == TicketState.IN_PROGRESS;
        // a rework round (after a failed verification) is not what the model learnt from
        if (!dispatched || item == null || team == null || reworks > 0) {
            return Double.NaN;
        }
        if (loadsRead.plus(LOADS_KEPT).isBefore(now)) {
            loads = loadReader.get();
            loadsRead = now;
        }
        return m.probability(BreachSnapshot.at(item, team, unit, channel.name(), started, due, now, loads.getOrDefault(team, 0),
                BreachTrainer.holidayAhead(now, due, holiday), urges, returns));
    }

    /// At risk by a model that beat the rule: sure it will miss, or inside the rule's last share and
    /// not sure it will not.
    public static boolean atRisk(double chance, boolean byRule) {
        return chance >= AT_RISK || byRule && chance >= SAFE;
    }
}
