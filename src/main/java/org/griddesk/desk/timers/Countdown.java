package org.griddesk.desk.timers;

import java.time.Duration;

/// A countdown as the boards show it: `1:05:09` (hours, minutes, seconds; days as more hours).
public final class Countdown {
    private Countdown() {
    }

    /// `left` as H:MM:SS, its sign dropped (the words around it say whether it is left or late)
    public static String of(Duration left) {
        long s = Math.abs(left.toSeconds());
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
