package org.griddesk.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.griddesk.domain.calendar.DayKind;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.ticket.DeadlinePolicy;

/// How likely a dispatched ticket of the demo history is to miss its deadline, as in a real
/// district: some items are harder than others, some teams slower, a team with much in hand misses
/// more, and work handed out on a Friday afternoon or with a holiday before its deadline slips more.
/// About 7 % of tickets in all, as before. Each item's difficulty and each team's pace come from
/// their codes (the same for the same district); the load is what the team has in hand when the
/// ticket reaches it. Draws nothing from the history's random stream.
final class Lateness {
    /// the chance before the factors, chosen so that about 7 % of dispatched tickets are late
    static final double BASE = 0.052;
    static final double MAX = 0.6;
    /// what a team has in hand on an ordinary day
    static final double USUAL_LOAD = 8;

    private final WorkCalendar calendar;
    private final Map<String, PriorityQueue<Instant>> inHand = new HashMap<>();

    Lateness(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    /// The chance that a ticket of `item` reaching `team` at `at`, due at `due`, is handled late.
    double chance(Item item, String team, Instant at, Instant due) {
        double load = load(team, at);
        double p = BASE * difficulty(item) * pace(team) * Math.min(2.5, 0.6 + 0.4 * load / USUAL_LOAD)
                * (slips(at, due) ? 1.4 : 1.0);
        return Math.min(MAX, p);
    }

    /// The team holds the ticket until `handledAt`.
    void inHand(String team, Instant handledAt) {
        inHand.computeIfAbsent(team, k -> new PriorityQueue<>()).add(handledAt);
    }

    /// How many tickets `team` has in hand at `at`.
    int load(String team, Instant at) {
        PriorityQueue<Instant> open = inHand.get(team);
        if (open == null) {
            return 0;
        }
        while (!open.isEmpty() && !open.peek().isAfter(at)) {
            open.poll();
        }
        return open.size();
    }

    /// 0.5–2: items that need several departments or a site visit are harder; urgent ones leave no slack.
    static double difficulty(Item item) {
        double urgent = item.deadline().workingDays() <= DeadlinePolicy.urgent().workingDays() ? 1.4 : 1.0;
        return Math.min(2.0, Math.max(0.5, urgent * Math.exp(0.45 * new Random(item.code().hashCode() * 31L + 11).nextGaussian())));
    }

    /// 0.5–2: some teams are slower than others.
    static double pace(String team) {
        return Math.min(2.0, Math.max(0.5, Math.exp(0.4 * new Random(team.hashCode() * 17L + 5).nextGaussian())));
    }

    /// Handed out on a Friday afternoon or the eve of a holiday, or with a holiday before it is due.
    private boolean slips(Instant at, Instant due) {
        ZonedDateTime local = at.atZone(WorkCalendar.ZONE);
        if (local.getDayOfWeek() == DayOfWeek.FRIDAY && local.getHour() >= 14) {
            return true;
        }
        LocalDate end = WorkCalendar.localDate(due);
        for (LocalDate d = local.toLocalDate(); !d.isAfter(end); d = d.plusDays(1)) {
            if (calendar.kindOf(d) == DayKind.HOLIDAY) {
                return true;
            }
        }
        return false;
    }
}
