package org.griddesk.store.feed;

/// One event appended to the trail: its place in the sequence, the ticket it changed and its kind
/// (the event's simple name, e.g. `Dispatched`).
public record Change(long seq, long ticketId, String eventType) {
}
