package org.griddesk.desk.entry;

import java.util.List;
import org.griddesk.domain.ticket.DuplicateSuggestion;

/// An open ticket the entry being typed may repeat: its code, what it says, how alike (0–1) and why.
public record Candidate(long ticketId, String code, String summary, double score, List<DuplicateSuggestion.Reason> reasons) {
    public Candidate {
        reasons = List.copyOf(reasons);
        summary = summary == null ? "" : summary;
    }
}
