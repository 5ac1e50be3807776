package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Place;
import org.griddesk.geo.ChinaCoordinates;
import org.griddesk.geo.CoordinateSystem;

/// Reading one field of a channel's JSON body: the value, or a [FieldError] saying what is wrong.
/// Every channel checks its fields the same way, so every channel's errors read alike.
final class Fields {
    /// a sender's clock may run a little ahead of ours
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private Fields() {
    }

    static String text(JsonNode node, String field, boolean required, int max, List<FieldError> errors) {
        return text(node, field, required, max, errors, field);
    }

    /// Free text: storable as sent, then stripped of the whitespace around it; null when absent or
    /// blank. `name` is how the field is named in errors (`caller.phone` for `phone` inside `caller`).
    static String text(JsonNode node, String field, boolean required, int max, List<FieldError> errors, String name) {
        String sent = sent(node.path(field), required, errors, name);
        if (sent == null) {
            return null;
        }
        String text = sent.strip();
        return fits(text, max, name, errors) ? text : null;
    }

    /// A code or an id (`gridCode`, `orderNo`): taken exactly as sent, so whitespace around it, a
    /// line break or a tab is an error, never trimmed away; null when absent.
    static String exact(JsonNode node, String field, boolean required, int max, List<FieldError> errors) {
        String sent = sent(node.path(field), required, errors, field);
        if (sent == null) {
            return null;
        }
        if (!sent.strip().equals(sent) || sent.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            errors.add(new FieldError(field, field + " 应原样给出：前后不能有空白，不能含换行或制表符",
                    field + " is taken exactly as sent: no whitespace around it, no line breaks or tabs"));
            return null;
        }
        return fits(sent, max, field, errors) ? sent : null;
    }

    /// The text as sent, when present, textual, storable and not blank; null (with an error when
    /// due) otherwise. Storable is asked first: a blank of control characters is an error, not absent.
    private static String sent(JsonNode value, boolean required, List<FieldError> errors, String name) {
        if (value.isMissingNode() || value.isNull()) {
            return absent(required, errors, name);
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(name, name + " 应为文本", name + " must be text"));
            return null;
        }
        if (!storable(value.asText())) {
            errors.add(unstorable(name));
            return null;
        }
        return value.asText().isBlank() ? absent(required, errors, name) : value.asText();
    }

    private static String absent(boolean required, List<FieldError> errors, String name) {
        if (required) {
            errors.add(new FieldError(name, "缺少必填项 " + name, name + " is required"));
        }
        return null;
    }

    private static boolean fits(String text, int max, String name, List<FieldError> errors) {
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(new FieldError(name, name + " 最多 " + max + " 个字", name + " has at most " + max + " characters"));
            return false;
        }
        return true;
    }

    /// The one rule for text the gateway stores, whatever the field (lists included): no control
    /// characters but tab, line feed and carriage return (so no NUL, which PostgreSQL refuses, no
    /// BEL, ESC or DEL, and none of the C1 controls U+0080–U+009F, NEL among them), no unpaired
    /// surrogates, no noncharacters (U+FDD0–U+FDEF and the last two code points of every plane,
    /// U+FFFE and U+FFFF among them). The line and paragraph separators U+2028 and U+2029 are
    /// line breaks like `\n` and are kept.
    static boolean storable(String text) {
        return text.codePoints().allMatch(Fields::storable);
    }

    private static boolean storable(int c) {
        boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
        boolean unpaired = c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE; // codePoints() gives a lone one as itself
        boolean nonCharacter = c >= 0xfdd0 && c <= 0xfdef || (c & 0xfffe) == 0xfffe;
        return !control && !unpaired && !nonCharacter;
    }

    /// The error for text that breaks [#storable(String)].
    static FieldError unstorable(String name) {
        return new FieldError(name, name + " 含有无效字符（控制字符、非字符或残缺的 Unicode）",
                name + " holds invalid characters (control characters, noncharacters or broken Unicode)");
    }

    /// A required identifier: 1 to `max` of letters, digits, `-` and `_`, exactly as sent.
    static String identifier(JsonNode node, String field, int max, List<FieldError> errors) {
        String id = exact(node, field, true, max, errors);
        if (id != null && !id.matches("[A-Za-z0-9_-]+")) {
            errors.add(new FieldError(field, field + " 只能含字母、数字、- 和 _", field + " has only letters, digits, - and _"));
            return null;
        }
        return id;
    }

    /// A required ISO-8601 time with its offset, not in the future (beyond [#CLOCK_SLACK]) nor before 2000.
    static Instant instant(JsonNode body, String field, Instant now, List<FieldError> errors) {
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

    /// An optional `point` {lon, lat, crs} inside China, with an optional `address`; null when
    /// neither is given. The point is kept in WGS-84, whatever system it was sent in ([#crs]).
    static Place place(JsonNode body, List<FieldError> errors) {
        String address = text(body, "address", false, Place.MAX_ADDRESS, errors);
        double[] wgs = null;
        JsonNode point = body.path("point");
        if (!point.isMissingNode() && !point.isNull()) {
            JsonNode lonNode = point.path("lon");
            JsonNode latNode = point.path("lat");
            if (!point.isObject() || !lonNode.isNumber() || !latNode.isNumber()
                    || !Double.isFinite(lonNode.asDouble()) || !Double.isFinite(latNode.asDouble())) {
                errors.add(new FieldError("point", "坐标应为 {\"lon\": 经度, \"lat\": 纬度} 两个数", "a point is {\"lon\": number, \"lat\": number}"));
            } else {
                CoordinateSystem crs = crs(point, "point.crs", errors);
                if (!ChinaCoordinates.inChina(lonNode.asDouble(), latNode.asDouble())) {
                    errors.add(new FieldError("point", "坐标不在中国境内（经度在前？）", "the point is outside China (longitude first?)"));
                } else if (crs != null) {
                    wgs = crs.toWgs(lonNode.asDouble(), latNode.asDouble());
                }
            }
        }
        return address == null && wgs == null ? null : new Place(address, wgs == null ? null : wgs[0], wgs == null ? null : wgs[1]);
    }

    /// The optional `crs` of a point: the system its longitude and latitude are in, by any of its
    /// usual names (`WGS-84`, the default; `GCJ-02` from AMap or Tencent; `BD-09` from Baidu;
    /// `CGCS2000` or `EPSG:4490` from Tianditu). Web-mercator metres and names nobody uses are
    /// refused: null then, with the error named `name`.
    static CoordinateSystem crs(JsonNode node, String name, List<FieldError> errors) {
        int before = errors.size();
        String sent = text(node, "crs", false, 60, errors, name);
        if (errors.size() > before) {
            return null;
        }
        if (sent == null) {
            return CoordinateSystem.WGS84;
        }
        CoordinateSystem crs = CoordinateSystem.named(sent).orElse(null);
        if (crs == null) {
            errors.add(new FieldError(name, name + " 不是可用的坐标系：" + sent + "（可用 WGS-84、GCJ-02、BD-09、CGCS2000）",
                    name + " " + sent + " is not a coordinate system we take (WGS-84, GCJ-02, BD-09, CGCS2000)"));
            return null;
        }
        if (crs.metres()) {
            errors.add(new FieldError(name, name + " 应为经纬度坐标系：" + sent + " 是以米计的 Web 墨卡托坐标，请换成经纬度（WGS-84、GCJ-02、BD-09）",
                    name + " must be a longitude/latitude system: " + sent + " is web-mercator metres; send degrees (WGS-84, GCJ-02, BD-09)"));
            return null;
        }
        return crs;
    }

    /// A `caller` {name, phone}: required (the hotline's) or optional (a push's); null when absent.
    static Caller caller(JsonNode body, boolean required, List<FieldError> errors) {
        JsonNode callerNode = body.path("caller");
        if (callerNode.isMissingNode() || callerNode.isNull()) {
            if (required) {
                errors.add(new FieldError("caller", "缺少来电人（caller）", "caller is missing"));
            }
            return null;
        }
        if (!callerNode.isObject()) {
            errors.add(new FieldError("caller", "caller 应为 {\"name\": 姓名, \"phone\": 电话}", "caller is {\"name\": …, \"phone\": …}"));
            return null;
        }
        int before = errors.size();
        String name = text(callerNode, "name", false, Caller.MAX_NAME, errors, "caller.name");
        String phone = text(callerNode, "phone", true, 20, errors, "caller.phone");
        if (phone != null && !phone.matches("\\d{5,20}")) {
            errors.add(new FieldError("caller.phone", "电话应为 5 到 20 位数字", "a phone is 5 to 20 digits"));
        }
        return errors.size() == before ? new Caller(name, phone) : null;
    }

    /// An optional number from `min` to `max`; `fallback` when absent.
    static double number(JsonNode body, String field, double min, double max, double fallback, List<FieldError> errors) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber() || !(value.asDouble() >= min && value.asDouble() <= max)) {
            errors.add(new FieldError(field, field + " 应为 " + min + " 到 " + max + " 之间的数",
                    field + " is a number from " + min + " to " + max));
            return fallback;
        }
        return value.asDouble();
    }

    static final int MAX_URL = 500;

    /// The elements of an optional array of at most `max` (`zh`/`en` name what they are: `图片地址`,
    /// `picture URLs`); none when it is absent, or not such an array (an error added then).
    static List<JsonNode> elements(JsonNode body, String field, int max, String zh, String en, List<FieldError> errors) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > max) {
            errors.add(new FieldError(field, field + " 应为至多 " + max + " 个" + zh + "的数组", field + " is an array of at most " + max + " " + en));
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }

    /// An optional array of at most `max` http(s) URLs (pictures stored elsewhere), each taken exactly
    /// as sent; empty when absent.
    static List<String> urls(JsonNode body, String field, int max, List<FieldError> errors) {
        List<JsonNode> node = elements(body, field, max, "图片地址", "picture URLs", errors);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String url = node.get(i).isTextual() ? node.get(i).asText() : "";
            if (!storable(url)) {
                errors.add(unstorable(field + "[" + i + "]"));
                return List.of();
            }
            if (!url.matches("https?://[^\\s\\p{Z}]+") || url.length() > MAX_URL) {
                errors.add(new FieldError(field + "[" + i + "]", "图片地址应为 http(s) 地址，最长 " + MAX_URL + " 字符",
                        "a picture URL is http(s), at most " + MAX_URL + " characters"));
                return List.of();
            }
            urls.add(url);
        }
        return List.copyOf(urls);
    }

    /// An optional whole number from `min` to `max`; null when absent.
    static Long whole(JsonNode body, String field, long min, long max, List<FieldError> errors) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        // a whole number is a JSON integer: 3.0 and 3e0 are refused, and so is one too large for a long
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            errors.add(new FieldError(field, field + " 应为 " + min + " 到 " + max + " 之间的整数",
                    field + " is a whole number from " + min + " to " + max));
            return null;
        }
        return value.asLong();
    }

    /// An optional true/false.
    static boolean flag(JsonNode body, String field, List<FieldError> errors) {
        JsonNode value = body.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isBoolean()) {
            errors.add(new FieldError(field, field + " 应为 true 或 false", field + " is true or false"));
        }
        return value.asBoolean(false);
    }

    /// The body must be a JSON object.
    static boolean isObject(JsonNode body, List<FieldError> errors) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("body", "请求体应为 JSON 对象", "the body must be a JSON object"));
            return false;
        }
        return true;
    }
}
