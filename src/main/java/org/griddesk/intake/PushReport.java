package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Place;

/// A pushed event (JSON) from a smart sensor platform (智能推送), a department's system (部门推送) or
/// 津治通: `pushId`, `source` (the sending system or department), `reportedAt`, `content`, optional
/// `itemCode`, `urgent`, `caller`, and where: `gridCode`, `point`, `address`. See docs/api.md.
public final class PushReport {
    static final int MAX_SOURCE = 100;
    /// the ticket keeps `【source】content` in at most 4000 characters
    static final int MAX_CONTENT = HotlineOrder.MAX_CONTENT - MAX_SOURCE - 2;

    /// The push, its hints and its source (the sending platform or department), or the reasons it cannot be taken.
    public record Parsed(Intake intake, IntakeDetail hints, String source, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private PushReport() {
    }

    public static Parsed parse(JsonNode body, Channel channel, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (!Fields.isObject(body, errors)) {
            return new Parsed(null, null, null, errors);
        }
        String pushId = Fields.identifier(body, "pushId", GridReport.MAX_ID, errors);
        String source = Fields.text(body, "source", true, MAX_SOURCE, errors);
        Instant at = Fields.instant(body, "reportedAt", now, errors);
        String content = Fields.text(body, "content", true, MAX_CONTENT, errors);
        String item = Fields.exact(body, "itemCode", false, 30, errors);
        boolean urgent = Fields.flag(body, "urgent", errors);
        Caller caller = Fields.caller(body, false, errors);
        String grid = Fields.exact(body, "gridCode", false, 30, errors);
        Place place = Fields.place(body, errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, null, null, List.copyOf(errors));
        }
        return new Parsed(new Intake(channel, pushId, "【" + source + "】" + content, grid, at, caller, place),
                new IntakeDetail(null, item, null, urgent), source, List.of());
    }
}
