package org.griddesk.store.supervise;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/// A shift hand-over (交接班) of one centre: the outgoing supervisor's note and the tickets the next
/// shift inherits, by section, as they stood when it was written; the incoming supervisor's
/// sign-off (null until then).
///
/// @param shift     the outgoing shift, `中文名|English name`
/// @param nextShift the incoming shift, the same way
/// @param nextShiftEnds when the incoming shift ends: "due within the next shift" means before this
public record HandOver(long id, String centreId, String shift, String nextShift, Instant nextShiftEnds, String writtenBy,
                       String writtenByName, Instant writtenAt, String note, String signedBy, String signedByName,
                       Instant signedAt, String signNote, Map<Section, List<TicketLine>> tickets) {
    public HandOver {
        Map<Section, List<TicketLine>> copy = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            copy.put(s, List.copyOf(tickets.getOrDefault(s, List.of())));
        }
        tickets = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean signed() {
        return signedAt != null;
    }

    /// What a hand-over lists, in this order.
    public enum Section {
        /// still in hand and due before the next shift ends
        DUE_NEXT_SHIFT,
        /// still in hand and past its due time
        OVERDUE,
        /// verified or answered: the citizen is to be called back
        CALLBACK_DUE,
        /// a summoned department has not checked in yet
        WHISTLE_OPEN,
        /// an extension waits for a supervisor's decision
        EXTENSION_PENDING
    }

    /// The shift's name in Chinese or English from `中文名|English name`.
    public static String shiftName(String stored, boolean chinese) {
        int bar = stored.indexOf('|');
        return bar < 0 ? stored : chinese ? stored.substring(0, bar) : stored.substring(bar + 1);
    }
}
