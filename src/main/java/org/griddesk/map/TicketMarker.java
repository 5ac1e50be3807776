package org.griddesk.map;

import org.griddesk.domain.ticket.Channel;

/// An open ticket on the map. Until requests carry their own point (the intake gateway), a ticket
/// is shown in the grid it was located to, beside the grid's other tickets.
public record TicketMarker(long ticketId, String code, String gridCode, Channel channel, Urgency urgency) {

    /// How pressing a ticket is, most pressing first: what a marker's colour says.
    public enum Urgency {
        OVERDUE,
        AT_RISK,
        URGENT,
        NORMAL
    }
}
