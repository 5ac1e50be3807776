package org.griddesk.desk.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Locks the desk after it has had no mouse or keyboard input for the policy's idle time (身份鉴别 b,
/// session timeout), or at once (Ctrl+L). Armed only while someone is signed in. The view reports
/// input ([#input]) and ticks it once a second ([#tick]); the lock screen unlocks it.
public final class IdleLock {
    /// `-Dgriddesk.idleLock=PT30S`: overrides the policy's minutes (tests, demonstrations)
    public static final String OVERRIDE = "griddesk.idleLock";
    private static final Logger log = LoggerFactory.getLogger(IdleLock.class);

    private final Clock clock;
    private final Runnable onLocked;
    private Duration after;
    private Instant lastInput;
    private boolean armed;

    // Properties
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");

    /// @param onLocked hears each lock (the audit records it)
    public IdleLock(Clock clock, Duration after, Runnable onLocked) {
        this.clock = clock;
        this.after = after;
        this.onLocked = onLocked;
        this.lastInput = clock.instant();
    }

    /// The idle time: the override when set and valid, else the policy's minutes.
    public static Duration idleTime(int policyMinutes, String override) {
        if (override != null && !override.isBlank()) {
            try {
                Duration d = Duration.parse(override.strip());
                if (!d.isNegative() && !d.isZero()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                log.warn("{}={} is not a duration such as PT15M; the policy's {} minutes hold", OVERRIDE, override, policyMinutes);
            }
        }
        return Duration.ofMinutes(Math.max(1, policyMinutes));
    }

    /// The idle time as configured on this JVM (the policy's, unless overridden).
    public static Duration idleTime(int policyMinutes) {
        return idleTime(policyMinutes, System.getProperty(OVERRIDE));
    }

    public void useIdleTime(Duration idle) {
        this.after = idle;
    }

    public Duration idleTime() {
        return after;
    }

    // Commands

    /// Someone signed in (armed) or out (disarmed and unlocked: the sign-in dialog takes over).
    public void arm(boolean signedIn) {
        armed = signedIn;
        lastInput = clock.instant();
        if (!signedIn) {
            locked.set(false);
        }
    }

    /// Mouse or keyboard input at the desk.
    public void input() {
        if (!locked.get()) {
            lastInput = clock.instant();
        }
    }

    /// Locks when idle long enough.
    public void tick() {
        if (armed && !locked.get() && Duration.between(lastInput, clock.instant()).compareTo(after) >= 0) {
            lockNow();
        }
    }

    /// Locks at once (Ctrl+L, the menu).
    public void lockNow() {
        if (armed && !locked.get()) {
            locked.set(true);
            onLocked.run();
        }
    }

    /// The password was given again.
    public void unlocked() {
        lastInput = clock.instant();
        locked.set(false);
    }

    /// True while the desk is locked: queue, map and detail are hidden.
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean isLocked() {
        return locked.get();
    }
}
