package org.griddesk.store.ticket;

/// No ticket with that id or code.
public final class TicketNotFoundException extends RuntimeException {
    public TicketNotFoundException(String what) {
        super("no ticket " + what);
    }
}
