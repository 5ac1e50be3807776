package org.griddesk.domain.digest;

import java.util.List;

/// A caller with several requests on the day or in the last seven days, shown masked (138****8000).
public record RepeatCaller(String maskedPhone, int today, int lastSevenDays, List<TicketRef> tickets) {
    public RepeatCaller {
        tickets = List.copyOf(tickets);
    }
}
