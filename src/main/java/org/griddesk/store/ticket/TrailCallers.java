package org.griddesk.store.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.griddesk.domain.Masking;

/// The trail keeps a report's caller masked, never in clear: the ticket row holds the caller sealed
/// and [TicketRepository#trail] puts it back from there. One rule for the writer
/// ([TicketEventCodec]) and for the migration that masks trails written before (V20.1).
public final class TrailCallers {
    /// the field of a report's `intake` that holds the masked caller (for people reading the JSON)
    public static final String MASKED = "callerMasked";

    private TrailCallers() {
    }

    /// Replaces the `intake.caller` of a report's JSON by its masked text; false when there was no
    /// caller in clear (nothing changed).
    public static boolean maskIn(JsonNode reported) {
        if (!(reported.get("intake") instanceof ObjectNode intake) || !(intake.get("caller") instanceof ObjectNode caller)) {
            return false;
        }
        String name = caller.path("name").asText("");
        String phone = caller.path("phone").asText("");
        String masked = ((name.isEmpty() ? "" : Masking.name(name)) + " " + (phone.isEmpty() ? "" : Masking.phone(phone))).strip();
        intake.putNull("caller");
        intake.put(MASKED, masked);
        return true;
    }
}
