package org.griddesk.desk.alert;

/// One thing worth a notification: its kind and the ticket (by id and code).
public record Alert(Kind kind, long ticketId, String code) {
    /// what happened, in the order a notification names them
    public enum Kind {
        URGENT,
        OVERDUE,
        AT_RISK,
        LATE_CHECK_IN
    }
}
