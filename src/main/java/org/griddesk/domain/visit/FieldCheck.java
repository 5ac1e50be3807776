package org.griddesk.domain.visit;

import java.time.Instant;
import java.util.List;
import org.griddesk.domain.ticket.Attachment;

/// What a grid worker checked on site about a ticket: a report verified (核实, [Kind#VERIFY]: is it
/// real, where exactly) or a handled ticket checked before it closes (核查, [Kind#CHECK]: passes or
/// fails), with the phone's point (null when not sent), the worker's words and photos. `applied`:
/// the check was the lifecycle's verification step (the configuration says so).
public record FieldCheck(Kind kind, long ticketId, String workerId, String accountId, boolean outcome, Double lon, Double lat,
                         String note, Instant at, boolean applied, List<Attachment> photos) {
    public enum Kind {
        VERIFY, CHECK
    }

    public FieldCheck {
        photos = List.copyOf(photos);
    }
}
