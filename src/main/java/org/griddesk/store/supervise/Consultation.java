package org.griddesk.store.supervise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/// A consultation on hard cases (会商研判) as recorded: when it met, who took part, what it found and
/// decided, which unit follows up by when, and the tickets it took up.
///
/// @param units   the participating units, as written (e.g. 区城管委、咸水沽镇、区水务局)
/// @param tickets the ids of the tickets it concerned
public record Consultation(long id, LocalDate heldOn, String units, String findings, String decision, String followUpUnitId,
                           LocalDate followUpDue, String recordedBy, Instant recordedAt, List<Long> tickets) {
    public Consultation {
        tickets = List.copyOf(tickets);
    }

    /// What the person types in before it is stored.
    public record Draft(LocalDate heldOn, String units, String findings, String decision, String followUpUnitId,
                        LocalDate followUpDue) {
    }
}
