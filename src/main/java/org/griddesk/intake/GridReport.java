package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Place;

/// A grid worker's report from the 网格通 app (JSON): `reportId`, `workerId`, `reportedAt`,
/// `content`, optional `itemCode` (the worker's choice of item), and where: `gridCode` (the worker's grid) and/or `point`, `address`; `photos` are
/// references (URLs) to pictures the app has uploaded elsewhere, kept with the ticket. See docs/api.md.
public final class GridReport {
    static final int MAX_ID = 64;
    static final int MAX_CONTENT = 4000;
    static final int MAX_PHOTOS = 9;

    /// The report, who made it, the item they chose, or the reasons it cannot be taken.
    public record Parsed(Intake intake, String workerId, String itemCode, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private GridReport() {
    }

    public static Parsed parse(JsonNode body, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (!Fields.isObject(body, errors)) {
            return new Parsed(null, null, null, errors);
        }
        String reportId = Fields.identifier(body, "reportId", MAX_ID, errors);
        String workerId = Fields.identifier(body, "workerId", MAX_ID, errors);
        Instant reported = Fields.instant(body, "reportedAt", now, errors);
        String content = Fields.text(body, "content", true, MAX_CONTENT, errors);
        String grid = Fields.exact(body, "gridCode", false, 30, errors);
        Place place = Fields.place(body, errors);
        List<String> photos = Fields.urls(body, "photos", MAX_PHOTOS, errors);
        String item = Fields.exact(body, "itemCode", false, 30, errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, null, null, List.copyOf(errors));
        }
        return new Parsed(new Intake(Channel.GRID_APP, reportId, content, grid, reported, null, place, photos), workerId,
                item, List.of());
    }
}
