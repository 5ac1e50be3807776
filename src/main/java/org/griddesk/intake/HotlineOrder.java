package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Place;

/// An 8890 hotline work order as the hotline platform sends it (JSON), checked field by field:
/// `orderNo`, `receivedAt` (ISO-8601 with offset), `caller.name`, `caller.phone`, `content`,
/// `address`, `point.lon` / `point.lat` (WGS-84, or the system `point.crs` names), `urgent`, `categoryHint`. See docs/api.md.
public final class HotlineOrder {
    static final int MAX_ORDER_NO = 64;
    static final int MAX_CONTENT = 4000;
    static final int MAX_HINT = 100;

    /// The order, or the reasons it cannot be taken.
    public record Parsed(Intake intake, boolean urgent, String categoryHint, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private HotlineOrder() {
    }

    public static Parsed parse(JsonNode body, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (!Fields.isObject(body, errors)) {
            return new Parsed(null, false, null, errors);
        }
        String orderNo = Fields.identifier(body, "orderNo", MAX_ORDER_NO, errors);
        Instant received = Fields.instant(body, "receivedAt", now, errors);
        Caller caller = Fields.caller(body, true, errors);
        String content = Fields.text(body, "content", true, MAX_CONTENT, errors);
        Place place = Fields.place(body, errors);
        boolean urgent = Fields.flag(body, "urgent", errors);
        String hint = Fields.text(body, "categoryHint", false, MAX_HINT, errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, false, null, List.copyOf(errors));
        }
        Intake intake = new Intake(Channel.HOTLINE_8890, orderNo, content, null, received, caller, place);
        return new Parsed(intake, urgent, hint, List.of());
    }
}
