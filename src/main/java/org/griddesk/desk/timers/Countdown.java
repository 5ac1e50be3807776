package org.griddesk.desk.timers;

import java.time.Duration;
import org.griddesk.ui.Language;

/// A countdown as the boards show it: `1:05:09` (hours, minutes, seconds), and from a day on with the
/// days in front — `6天 12:41:02`, `6 d 12:41:02` — so that a week late does not read as 156 hours.
public final class Countdown {
    private Countdown() {
    }

    /// `left` as H:MM:SS, days in front from 24 hours on, its sign dropped (the words around it say
    /// whether it is left or late)
    public static String of(Duration left, Language language) {
        long s = Math.abs(left.toSeconds());
        String clock = String.format("%d:%02d:%02d", s / 3600 % 24, s / 60 % 60, s % 60);
        long days = s / 86_400;
        if (days == 0) {
            return clock;
        }
        return days + (language == Language.EN ? " d " : "天 ") + clock;
    }
}
