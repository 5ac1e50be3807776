package org.griddesk.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/// A clock tests move by hand: it stands at [#now] and moves on by `step` each time it is read
/// (zero: it stands still until the test moves it).
public final class HandClock extends Clock {
    private final Duration step;
    private volatile Instant now;

    public HandClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    /// The time it shows now, without moving it.
    public Instant now() {
        return now;
    }

    /// Moves it on.
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(step);
        return now;
    }
}
