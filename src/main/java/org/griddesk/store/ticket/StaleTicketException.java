package org.griddesk.store.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.griddesk.domain.ticket.TicketState;

/// Someone else changed the ticket since it was read: nothing was written. Says who and when, so the
/// dispatcher can look at the new state before trying again.
public final class StaleTicketException extends RuntimeException {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final String ticketCode;
    private final long expectedVersion;
    private final long currentVersion;
    private final String changedBy;
    private final Instant changedAt;
    private final TicketState newState;

    public StaleTicketException(String ticketCode, long expectedVersion, long currentVersion, String changedBy,
                                Instant changedAt, TicketState newState) {
        super("ticket " + ticketCode + " was changed by someone else (" + changedBy + ", now " + newState + ", at "
                + changedAt + "; expected version " + expectedVersion + ", now " + currentVersion + ")");
        this.ticketCode = ticketCode;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.newState = newState;
    }

    public String ticketCode() {
        return ticketCode;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public TicketState newState() {
        return newState;
    }

    /// The user-facing sentence, Chinese for `zh`, English otherwise.
    public String message(Locale locale) {
        String at = changedAt == null ? "?" : TIME.format(changedAt);
        return locale.getLanguage().equals("zh")
                ? "工单 " + ticketCode + " 已被" + changedBy + "于 " + at + " 修改，现为“" + newState.zhName()
                        + "”，请查看最新状态后再操作。"
                : "Ticket " + ticketCode + " was changed by " + changedBy + " at " + at + " and is now " + newState
                        + ". Look at its new state before trying again.";
    }
}
