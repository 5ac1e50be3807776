package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Place;
import org.griddesk.geo.ChinaCoordinates;

/// An 8890 hotline work order as the hotline platform sends it (JSON), checked field by field:
/// `orderNo`, `receivedAt` (ISO-8601 with offset), `caller.name`, `caller.phone`, `content`,
/// `address`, `point.lon` / `point.lat` (WGS-84), `urgent`, `categoryHint`. See docs/api.md.
public final class HotlineOrder {
    static final int MAX_ORDER_NO = 64;
    static final int MAX_CONTENT = 4000;
    static final int MAX_HINT = 100;
    /// a platform clock may run a little ahead of ours
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

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
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("body", "请求体应为 JSON 对象", "the body must be a JSON object"));
            return new Parsed(null, false, null, errors);
        }
        String orderNo = text(body, "orderNo", true, MAX_ORDER_NO, errors);
        if (orderNo != null && !orderNo.matches("[A-Za-z0-9_-]+")) {
            errors.add(new FieldError("orderNo", "工单号只能含字母、数字、- 和 _", "an order number has only letters, digits, - and _"));
        }
        Instant received = instant(body, "receivedAt", now, errors);
        JsonNode callerNode = body.path("caller");
        String name = callerNode.isObject() ? text(callerNode, "name", false, Caller.MAX_NAME, errors, "caller.name") : null;
        String phone = callerNode.isObject() ? text(callerNode, "phone", true, 20, errors, "caller.phone") : null;
        if (!callerNode.isObject()) {
            errors.add(new FieldError("caller", "缺少来电人（caller）", "caller is missing"));
        } else if (phone != null && !phone.matches("\\d{5,20}")) {
            errors.add(new FieldError("caller.phone", "电话应为 5 到 20 位数字", "a phone is 5 to 20 digits"));
        }
        String content = text(body, "content", true, MAX_CONTENT, errors);
        String address = text(body, "address", false, Place.MAX_ADDRESS, errors);
        Double lon = null;
        Double lat = null;
        JsonNode point = body.path("point");
        if (!point.isMissingNode() && !point.isNull()) {
            JsonNode lonNode = point.path("lon");
            JsonNode latNode = point.path("lat");
            if (!point.isObject() || !lonNode.isNumber() || !latNode.isNumber()
                    || !Double.isFinite(lonNode.asDouble()) || !Double.isFinite(latNode.asDouble())) {
                errors.add(new FieldError("point", "坐标应为 {\"lon\": 经度, \"lat\": 纬度} 两个数", "a point is {\"lon\": number, \"lat\": number}"));
            } else if (!ChinaCoordinates.inChina(lonNode.asDouble(), latNode.asDouble())) {
                errors.add(new FieldError("point", "坐标不在中国境内（经度在前？）", "the point is outside China (longitude first?)"));
            } else {
                lon = lonNode.asDouble();
                lat = latNode.asDouble();
            }
        }
        JsonNode urgentNode = body.path("urgent");
        if (!urgentNode.isMissingNode() && !urgentNode.isNull() && !urgentNode.isBoolean()) {
            errors.add(new FieldError("urgent", "urgent 应为 true 或 false", "urgent is true or false"));
        }
        String hint = text(body, "categoryHint", false, MAX_HINT, errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, false, null, List.copyOf(errors));
        }
        Intake intake = new Intake(Channel.HOTLINE_8890, orderNo, content, null, received, new Caller(name, phone),
                address == null && lon == null ? null : new Place(address, lon, lat));
        return new Parsed(intake, urgentNode.asBoolean(false), hint, List.of());
    }

    private static String text(JsonNode node, String field, boolean required, int max, List<FieldError> errors) {
        return text(node, field, required, max, errors, field);
    }

    private static String text(JsonNode node, String field, boolean required, int max, List<FieldError> errors, String name) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            if (required) {
                errors.add(new FieldError(name, "缺少必填项 " + name, name + " is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(name, name + " 应为文本", name + " must be text"));
            return null;
        }
        String text = value.asText().strip();
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(new FieldError(name, name + " 最多 " + max + " 个字", name + " has at most " + max + " characters"));
            return null;
        }
        return text;
    }

    private static Instant instant(JsonNode body, String field, Instant now, List<FieldError> errors) {
        String text = text(body, field, true, 40, errors);
        if (text == null) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            if (at.isAfter(now.plus(CLOCK_SLACK)) || at.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
                errors.add(new FieldError(field, field + " 不在合理时间范围内", field + " is not a plausible time"));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, field + " 应为带时区的 ISO-8601 时间，如 2026-11-26T09:30:00+08:00",
                    field + " must be an ISO-8601 time with its offset, e.g. 2026-11-26T09:30:00+08:00"));
            return null;
        }
    }
}
