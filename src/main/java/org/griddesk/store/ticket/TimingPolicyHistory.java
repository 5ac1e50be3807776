package org.griddesk.store.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.store.SystemPropertyRepository;
import org.jooq.DSLContext;

/// The timing policies the store's tickets were timed by, kept in one system property (a line per
/// change: `from accept-minutes contact-minutes callback-days at-risk-percent`). A desk records its
/// configured policy when it starts; a change comes into force then, for tickets reported from then on.
public final class TimingPolicyHistory {
    static final String KEY = "timing.policy.history";
    /// the property holds 4000 characters: the oldest changes go first (their tickets are long closed)
    static final int KEEP = 100;
    /// what a system property holds
    static final int MAX_TEXT = 4000;

    private final SystemPropertyRepository properties;
    private final Clock clock;

    public TimingPolicyHistory(DSLContext dsl, Clock clock) {
        this.properties = new SystemPropertyRepository(dsl, clock);
        this.clock = clock;
    }

    /// the policies recorded so far (the code's defaults when none was)
    public TimingPolicies read() {
        return properties.find(KEY).map(p -> parse(p.value())).orElse(TimingPolicies.DEFAULT);
    }

    /// Puts `configured` in force from now on when it is not the current one; returns the history after.
    public TimingPolicies record(TimingPolicy configured) {
        TimingPolicies before = read();
        TimingPolicies after = before.from(clock.instant(), configured);
        if (after != before) {
            List<TimingPolicies.Period> periods = after.periods();
            properties.put(KEY, newestThatFit(periods));
        }
        return after;
    }

    /// The newest periods, at most [#KEEP], as many as the property's 4000 characters hold.
    static String newestThatFit(List<TimingPolicies.Period> periods) {
        int from = Math.max(0, periods.size() - KEEP);
        String text = format(periods.subList(from, periods.size()));
        while (text.length() > MAX_TEXT && from < periods.size() - 1) {
            from++;
            text = format(periods.subList(from, periods.size()));
        }
        return text;
    }

    static String format(List<TimingPolicies.Period> periods) {
        StringBuilder text = new StringBuilder();
        for (TimingPolicies.Period p : periods) {
            TimingPolicy t = p.policy();
            text.append(p.from()).append(' ').append(t.acceptWithin().toMinutes()).append(' ').append(t.contactWithin().toMinutes())
                    .append(' ').append(t.callbackWorkingDays()).append(' ').append(t.atRiskPercent()).append('\n');
        }
        return text.toString();
    }

    /// Reads what [#format] wrote; a line that cannot be read (written by a later version) is left out.
    static TimingPolicies parse(String text) {
        List<TimingPolicies.Period> periods = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 5) {
                continue;
            }
            try {
                periods.add(new TimingPolicies.Period(Instant.parse(f[0]), new TimingPolicy(Duration.ofMinutes(Long.parseLong(f[1])),
                        Duration.ofMinutes(Long.parseLong(f[2])), Integer.parseInt(f[3]), Integer.parseInt(f[4]) / 100.0)));
            } catch (RuntimeException e) {
                // not ours to read: the other lines still hold
            }
        }
        if (periods.isEmpty()) {
            return TimingPolicies.DEFAULT;
        }
        if (periods.getFirst().from().isAfter(Instant.EPOCH)) {
            periods.addFirst(new TimingPolicies.Period(Instant.EPOCH, TimingPolicy.DEFAULT));
        }
        return new TimingPolicies(periods);
    }
}
