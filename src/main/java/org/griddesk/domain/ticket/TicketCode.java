package org.griddesk.domain.ticket;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.griddesk.domain.calendar.WorkCalendar;

/// A ticket's code, `YYMM-NNNN`: the month of its report (Beijing time) and its number within that
/// month, at least four digits (`2411-0007`, `2411-12345`).
public final class TicketCode {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyMM").withZone(WorkCalendar.ZONE);
    private static final int DIGITS = 10_000;

    private TicketCode() {
    }

    /// `YYMM` of the moment a ticket is reported.
    public static String month(Instant reported) {
        return MONTH.format(reported);
    }

    /// The code of the `number`th ticket of `month` (from 1).
    public static String of(String month, int number) {
        if (number < 1) {
            throw new IllegalArgumentException("ticket numbers start at 1: " + number);
        }
        // 7 → "10007" → "0007": zero-padded without a Formatter, which a first start calls 76,000 times
        String digits = number < DIGITS ? Integer.toString(DIGITS + number).substring(1) : Integer.toString(number);
        return month + "-" + digits;
    }

    /// The `YYMM` part of a code.
    public static String monthOf(String code) {
        return code.substring(0, code.indexOf('-'));
    }

    /// The number part of a code.
    public static int numberOf(String code) {
        return Integer.parseInt(code.substring(code.indexOf('-') + 1));
    }
}
