package org.griddesk.domain.ticket;

import java.time.Duration;
import java.time.Instant;

/// A district team summoned by a town centre (吹哨报到), and when it checked in (报到).
public record Whistle(String teamId, Instant summonedAt, Instant checkInDue, Instant checkedInAt, int round) {
    public boolean isOpen() {
        return checkedInAt == null;
    }

    public boolean checkedInLate() {
        return checkedInAt != null && checkedInAt.isAfter(checkInDue);
    }

    public boolean isLateAt(Instant now) {
        return checkedInAt == null ? now.isAfter(checkInDue) : checkedInLate();
    }

    /// Time left to check in at `now`: negative once the check-in is late; zero once checked in.
    public Duration leftAt(Instant now) {
        return checkedInAt != null ? Duration.ZERO : Duration.between(now, checkInDue);
    }

    /// how late the team checked in (zero when on time or not yet)
    public Duration lateBy() {
        return checkedInLate() ? Duration.between(checkInDue, checkedInAt) : Duration.ZERO;
    }

    Whistle checkedIn(Instant at) {
        return new Whistle(teamId, summonedAt, checkInDue, at, round);
    }
}
