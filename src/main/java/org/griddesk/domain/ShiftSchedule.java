package org.griddesk.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/// The centre's duty rota: shifts around the clock, each running until the next one starts.
///
/// Written as `08:00 白班|Day shift; 20:00 夜班|Night shift` in the configuration file: the default
/// (a 24-hour command centre on two twelve-hour shifts) is not in the source document, so an
/// administrator may change it.
public final class ShiftSchedule {
    public static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Shanghai");
    public static final String DEFAULT_SPEC = "08:00 白班|Day shift; 20:00 夜班|Night shift";

    private final List<Shift> shifts;

    private ShiftSchedule(List<Shift> shifts) {
        this.shifts = List.copyOf(shifts);
    }

    public static ShiftSchedule defaultSchedule() {
        return parse(DEFAULT_SPEC);
    }

    /// Parses `HH:mm 中文名|English name; ...`; refuses an empty rota or two shifts at one time.
    public static ShiftSchedule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("the shift schedule is empty");
        }
        List<Shift> shifts = new ArrayList<>();
        for (String part : spec.split(";")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int space = entry.indexOf(' ');
            int bar = entry.indexOf('|');
            if (space < 0 || bar < space) {
                throw new IllegalArgumentException("shift '" + entry + "' must look like '08:00 白班|Day shift'");
            }
            LocalTime start;
            try {
                start = LocalTime.parse(entry.substring(0, space).strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("shift '" + entry + "' has no valid start time (HH:mm)", e);
            }
            shifts.add(new Shift(start, entry.substring(space + 1, bar).strip(), entry.substring(bar + 1).strip()));
        }
        if (shifts.isEmpty()) {
            throw new IllegalArgumentException("the shift schedule is empty");
        }
        shifts.sort(Comparator.comparing(Shift::start));
        for (int i = 1; i < shifts.size(); i++) {
            if (shifts.get(i).start().equals(shifts.get(i - 1).start())) {
                throw new IllegalArgumentException("two shifts start at " + shifts.get(i).start());
            }
        }
        return new ShiftSchedule(shifts);
    }

    public List<Shift> shifts() {
        return shifts;
    }

    /// The shift on duty at a given instant, in the centre's time zone.
    public Shift onDutyAt(Instant instant) {
        LocalTime time = instant.atZone(CENTRE_ZONE).toLocalTime();
        Shift current = shifts.getLast(); // before the first start of the day, last night's shift runs on
        for (Shift shift : shifts) {
            if (!time.isBefore(shift.start())) {
                current = shift;
            }
        }
        return current;
    }

    /// When the next shift takes over after `instant` (the end of the shift on duty then).
    public Instant nextChangeAfter(Instant instant) {
        ZonedDateTime at = instant.atZone(CENTRE_ZONE);
        for (int day = 0; day <= 1; day++) {
            for (Shift shift : shifts) {
                ZonedDateTime start = at.toLocalDate().plusDays(day).atTime(shift.start()).atZone(CENTRE_ZONE);
                if (start.isAfter(at)) {
                    return start.toInstant();
                }
            }
        }
        throw new IllegalStateException("a rota always has a next shift");
    }

    /// When the shift on duty at `instant` took over.
    public Instant startOfShiftAt(Instant instant) {
        ZonedDateTime at = instant.atZone(CENTRE_ZONE);
        LocalTime start = onDutyAt(instant).start();
        ZonedDateTime today = at.toLocalDate().atTime(start).atZone(CENTRE_ZONE);
        return (today.isAfter(at) ? today.minusDays(1) : today).toInstant();
    }

    /// The shift that takes over after the one on duty at `instant`.
    public Shift nextAfter(Instant instant) {
        return onDutyAt(nextChangeAfter(instant));
    }
}
