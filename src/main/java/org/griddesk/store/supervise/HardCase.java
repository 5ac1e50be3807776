package org.griddesk.store.supervise;

import java.util.List;

/// One entry of the consultation's list: why it is there, what binds its tickets together (the
/// address, the community and item; empty for a case of one ticket) and the tickets, oldest first.
public record HardCase(Reason reason, String key, List<TicketLine> tickets) {
    public HardCase {
        tickets = List.copyOf(tickets);
        key = key == null ? "" : key;
    }

    /// Why a case is on the list (each has its words in `i18n/consult`).
    public enum Reason {
        /// several requests from one grid and address within the window
        SAME_PLACE,
        /// several requests on one item from one community within the window
        SAME_COMMUNITY_ITEM,
        /// several requests from one caller (same phone index) within the window
        SAME_CALLER,
        /// open, still in hand, more than N working days past its due day
        LONG_OVERDUE,
        /// reopened N times or more
        REOPENED,
        /// N dissatisfied callbacks or more
        DISSATISFIED,
        /// handed up to a higher centre (提级)
        ESCALATED
    }
}
