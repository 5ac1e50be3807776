package org.griddesk.domain;

import java.time.LocalTime;

/// One duty shift of a command centre: it starts at `start` and runs until the next shift starts.
///
/// @param start   local time (Asia/Shanghai) the shift takes over
/// @param zhName  the Chinese name shown on the desk, e.g. 白班
/// @param enName  the English name, e.g. Day shift
public record Shift(LocalTime start, String zhName, String enName) {
    public Shift {
        if (start == null || zhName == null || zhName.isBlank() || enName == null || enName.isBlank()) {
            throw new IllegalArgumentException("a shift needs a start time and both names");
        }
    }

    public String name(boolean chinese) {
        return chinese ? zhName : enName;
    }
}
