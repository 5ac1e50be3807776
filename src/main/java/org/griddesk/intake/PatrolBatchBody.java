package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.patrol.PatrolPoint;

/// A patrol batch as the 网格通 app posts it: `{"points": [{"at", "lon", "lat", "accuracy"}, …]}`,
/// WGS-84 degrees, times ISO-8601 with their offset, accuracy in whole metres (optional). A point
/// that cannot be read makes the whole batch a 400 naming it; where and when the points are is
/// judged afterwards ([org.griddesk.patrol.BatchCheck]).
final class PatrolBatchBody {
    static final int MAX_ACCURACY = 10_000;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /// The points as sent, or the errors; `count` is how many were sent (for the batch's size check).
    record Parsed(List<PatrolPoint> points, int count, List<FieldError> errors) {
    }

    private PatrolBatchBody() {
    }

    /// The points read when there are at most `max`; with more, only the count (the batch is refused as too large).
    static Parsed parse(JsonNode body, int max) {
        List<FieldError> errors = new ArrayList<>();
        if (!Fields.isObject(body, errors)) {
            return new Parsed(List.of(), 0, errors);
        }
        JsonNode array = body.path("points");
        if (!array.isArray()) {
            errors.add(new FieldError("points", "points 应为轨迹点数组", "points is an array of patrol points"));
            return new Parsed(List.of(), 0, errors);
        }
        if (array.size() > max) {
            return new Parsed(List.of(), array.size(), List.of());
        }
        List<PatrolPoint> points = new ArrayList<>(array.size());
        for (int i = 0; i < array.size() && errors.size() < 10; i++) {
            PatrolPoint p = point(array.get(i), "points[" + i + "]", errors);
            if (p != null) {
                points.add(p);
            }
        }
        return new Parsed(errors.isEmpty() ? List.copyOf(points) : List.of(), array.size(), List.copyOf(errors));
    }

    private static PatrolPoint point(JsonNode node, String name, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(name, name + " 应为 {\"at\", \"lon\", \"lat\", \"accuracy\"}", name + " is {\"at\", \"lon\", \"lat\", \"accuracy\"}"));
            return null;
        }
        Instant at = time(node.path("at"), name + ".at", errors);
        JsonNode lon = node.path("lon");
        JsonNode lat = node.path("lat");
        boolean located = lon.isNumber() && lat.isNumber() && Math.abs(lon.asDouble()) <= 180 && Math.abs(lat.asDouble()) <= 90;
        if (!located) {
            errors.add(new FieldError(name, name + " 的 lon、lat 应为经纬度（WGS-84）", name + " needs lon and lat in degrees (WGS-84)"));
        }
        Long accuracy = Fields.whole(node, "accuracy", 0, MAX_ACCURACY, errors);
        if (accuracy == null && node.has("accuracy") && !node.get("accuracy").isNull()) {
            // Fields.whole named the field without its point: say which point
            errors.set(errors.size() - 1, new FieldError(name + ".accuracy", name + ".accuracy 应为 0 到 " + MAX_ACCURACY + " 之间的整数（米）",
                    name + ".accuracy is whole metres from 0 to " + MAX_ACCURACY));
        }
        return at == null || !located ? null : new PatrolPoint(at, lon.asDouble(), lat.asDouble(), accuracy == null ? 0 : accuracy.intValue());
    }

    private static Instant time(JsonNode node, String name, List<FieldError> errors) {
        try {
            Instant at = node.isTextual() ? OffsetDateTime.parse(node.asText()).toInstant() : null;
            if (at != null && !at.isBefore(EARLIEST)) {
                return at;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        errors.add(new FieldError(name, name + " 应为带时区的 ISO-8601 时间，如 2026-12-04T09:30:00+08:00",
                name + " must be an ISO-8601 time with its offset, e.g. 2026-12-04T09:30:00+08:00"));
        return null;
    }
}
