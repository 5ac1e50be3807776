package org.griddesk.domain.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/// The timing policies in force over time: a ticket is timed by the policy in force when it was
/// reported, so a limit changed in the configuration applies to new tickets and leaves the past
/// ones as they were timed.
///
/// @param periods each policy and when it came into force, oldest first; the first holds from the beginning
public record TimingPolicies(List<Period> periods) {
    public static final TimingPolicies DEFAULT = new TimingPolicies(List.of(new Period(Instant.EPOCH, TimingPolicy.DEFAULT)));

    /// One policy, in force from `from` until the next period's start.
    public record Period(Instant from, TimingPolicy policy) {
    }

    public TimingPolicies {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("at least one timing policy");
        }
        periods = periods.stream().sorted(Comparator.comparing(Period::from)).toList();
    }

    /// the policy of a ticket reported at `reportedAt`
    public TimingPolicy at(Instant reportedAt) {
        TimingPolicy found = periods.getFirst().policy();
        for (Period p : periods) {
            if (p.from().isAfter(reportedAt)) {
                break;
            }
            found = p.policy();
        }
        return found;
    }

    /// the policy new tickets get
    public TimingPolicy current() {
        return periods.getLast().policy();
    }

    /// These periods with `policy` in force from `from` on, or these unchanged when it is already the current one.
    public TimingPolicies from(Instant from, TimingPolicy policy) {
        if (current().equals(policy)) {
            return this;
        }
        List<Period> next = new ArrayList<>(periods);
        next.add(new Period(from, policy));
        return new TimingPolicies(next);
    }
}
