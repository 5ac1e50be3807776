package org.griddesk.domain.visit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.ticket.Attachment;

/// A visit as the workers' app records it: which household, by which grid worker (`grid_worker.id`),
/// when, where the phone was, what was found, and the photos taken. Checked before it is made
/// (the service refuses a point outside the district, a time in the future, a household of another grid).
public record RecordedVisit(String householdId, String workerId, Instant at, double lon, double lat, Set<VisitFinding> findings,
                            String note, List<Attachment> photos) {
    public RecordedVisit {
        findings = Set.copyOf(findings);
        photos = List.copyOf(photos);
    }
}
