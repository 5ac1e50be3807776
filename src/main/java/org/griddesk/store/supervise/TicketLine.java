package org.griddesk.store.supervise;

import java.time.Instant;
import org.griddesk.domain.ticket.TicketState;

/// A ticket as the supervisors' lists show it: what, where, whose, its state and its due time.
///
/// @param itemName the accepted item's name, or empty when none
/// @param address  the address the request came with, or empty
/// @param dueAt    the handling due time, or null before acceptance
public record TicketLine(long id, String code, TicketState state, String itemName, String summary, String gridCode,
                         String address, String ownerUnitId, Instant reportedAt, Instant dueAt) {
    public TicketLine {
        itemName = itemName == null ? "" : itemName;
        address = address == null ? "" : address;
        gridCode = gridCode == null ? "" : gridCode;
    }
}
