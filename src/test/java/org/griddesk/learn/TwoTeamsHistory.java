package org.griddesk.learn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.griddesk.domain.ticket.Channel;

/// A small history with a known answer for the breach-risk model: 1,500 tickets of one item, five
/// days each, dispatched every three hours, alternately to a slow team that misses 70 % of its
/// deadlines and a quick one that misses 5 %; half the misses were urged six hours before the
/// deadline. The 20 % rule, which sees only the time left, cannot tell the teams apart.
public final class TwoTeamsHistory {
    public static final String SLOW = "XSG-CG";
    public static final String QUICK = "XSG-HW";
    public static final Instant START = Instant.parse("2026-01-05T01:00:00Z");
    /// after the last case's deadline
    public static final Instant NOW = START.plus(Duration.ofDays(200));

    private TwoTeamsHistory() {
    }

    public static List<BreachCase> cases() {
        Random r = new Random(3);
        List<BreachCase> cases = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            boolean slowTeam = i % 2 == 0;
            Instant dispatched = START.plus(Duration.ofHours(3L * i));
            Instant due = dispatched.plus(Duration.ofDays(5));
            boolean late = r.nextDouble() < (slowTeam ? 0.7 : 0.05);
            Instant handled = late ? due.plus(Duration.ofHours(10)) : dispatched.plus(Duration.ofDays(2));
            List<Instant> urged = late && r.nextBoolean() ? List.of(due.minus(Duration.ofHours(6))) : List.of();
            cases.add(new BreachCase(i, "07-01-001", slowTeam ? SLOW : QUICK, "XSG", Channel.HOTLINE_8890, dispatched, dispatched, due,
                    handled, urged, List.of()));
        }
        return cases;
    }
}
