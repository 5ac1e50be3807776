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
/// `address`, `point.lon` / `point.lat` (WGS-84), `urgent`, `categoryHint`. See docs/api.md.
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
        JsonNode callerNode = body.path("caller");
        String name = null;
        String phone = null;
        if (!callerNode.isObject()) {
            errors.add(new FieldError("caller", "缺少来电人（caller）", "caller is missing"));
        } else {
            name = Fields.text(callerNode, "name", false, Caller.MAX_NAME, errors, "caller.name");
            phone = Fields.text(callerNode, "phone", true, 20, errors, "caller.phone");
            if (phone != null && !phone.matches("\\d{5,20}")) {
                errors.add(new FieldError("caller.phone", "电话应为 5 到 20 位数字", "a phone is 5 to 20 digits"));
            }
        }
        String content = Fields.text(body, "content", true, MAX_CONTENT, errors);
        Place place = Fields.place(body, errors);
        boolean urgent = Fields.flag(body, "urgent", errors);
        String hint = Fields.text(body, "categoryHint", false, MAX_HINT, errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, false, null, List.copyOf(errors));
        }
        Intake intake = new Intake(Channel.HOTLINE_8890, orderNo, content, null, received, new Caller(name, phone), place);
        return new Parsed(intake, urgent, hint, List.of());
    }
}
