package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Place;
import org.griddesk.geo.ChinaCoordinates;
import org.griddesk.geo.CoordinateSystem;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.ticket.Submission;

/// An Open311 `POST requests` as the specification names its fields: `service_code` (required),
/// where (`lat` and `long`, or `address_string`, or `address_id`: one of them required), and
/// optional `description` (at most 4000 characters), `first_name`, `last_name`, `phone`, `email`,
/// `media_url`, `device_id`, `account_id`, and our own `crs` for `lat`/`long` sent in GCJ-02 or BD-09
/// (the specification's WGS-84 when absent). Values arrive as form text or JSON.
///
/// A repeat of a send gets the first send's ticket back ([Submission]): with the client's
/// `Idempotency-Key`, every send of that key within [#KEY_WINDOW]; without one, every send of the same
/// content (every field above, as read) by the same key within [#CONTENT_WINDOW].
final class Open311Request {
    static final int MAX_DESCRIPTION = 4000;
    static final Duration KEY_WINDOW = IdempotencyKey.WINDOW;
    static final Duration CONTENT_WINDOW = Duration.ofMinutes(10);
    /// a coordinate as text: a plain decimal number, nothing else (no sign but minus, no exponent,
    /// no hexadecimal, no `d` or `f` suffix, no NaN or Infinity, no spaces)
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,3}(\\.\\d{1,15})?");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    /// 26 characters of 32: 130 random bits
    static final int TOKEN_LENGTH = 26;
    static final String TOKEN_PREFIX = "O311-";

    /// The request, or the reasons it cannot be taken.
    record Parsed(IntakeService.Request request, List<FieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private Open311Request() {
    }

    /// Reads the request sent with the key of digest `sender` on `channel`, and `idempotencyKey` (the
    /// header's value, or null).
    static Parsed parse(JsonNode params, Channel channel, String sender, String idempotencyKey, IntakeService service,
                        Instant now) {
        List<FieldError> errors = new ArrayList<>();
        IdempotencyKey.error(idempotencyKey).ifPresent(errors::add);
        String code = Fields.text(params, "service_code", true, 30, errors);
        if (code != null && !service.knowsItem(code)) {
            errors.add(new FieldError("service_code", "没有这个服务：" + code, "service_code " + code + " was not found"));
        }
        Double lat = coordinate(params, "lat", errors);
        Double lon = coordinate(params, "long", errors);
        String address = Fields.text(params, "address_string", false, Place.MAX_ADDRESS - 40, errors);
        String addressId = Fields.text(params, "address_id", false, 30, errors);
        CoordinateSystem crs = Fields.crs(params, "crs", errors);
        if ((lat == null) != (lon == null)) {
            errors.add(new FieldError("lat", "lat 与 long 应同时给出", "lat and long come together"));
        } else if (lat != null && !ChinaCoordinates.inChina(lon, lat)) {
            errors.add(new FieldError("long", "坐标不在中国境内", "the point is outside China"));
        }
        if (lat == null && address == null && addressId == null && errors.stream().noneMatch(e -> e.field().equals("lat"))) {
            errors.add(new FieldError("lat", "需要位置：lat 与 long，或 address_string，或 address_id",
                    "a location is required: lat and long, address_string or address_id"));
        }
        String description = Fields.text(params, "description", false, MAX_DESCRIPTION, errors);
        String lastName = Fields.text(params, "last_name", false, 20, errors);
        String firstName = Fields.text(params, "first_name", false, 20, errors);
        String name = String.join("", nonNull(lastName, firstName));
        String phone = phone(Fields.text(params, "phone", false, 30, errors), errors);
        String email = Fields.text(params, "email", false, 100, errors);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            errors.add(new FieldError("email", "email 格式不对", "email is not an e-mail address"));
        }
        String device = Fields.text(params, "device_id", false, 64, errors);
        String account = Fields.text(params, "account_id", false, 64, errors);
        String media = Fields.text(params, "media_url", false, Fields.MAX_URL, errors);
        if (media != null && !media.matches("https?://\\S+")) {
            errors.add(new FieldError("media_url", "media_url 应为 http(s) 地址", "media_url is an http(s) URL"));
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, List.copyOf(errors));
        }
        String where = addressId == null ? address : (address == null ? "" : address + " ") + "[address_id " + addressId + "]";
        double[] wgs = lat == null ? null : crs.toWgs(lon, lat);
        Place place = new Place(where, wgs == null ? null : wgs[0], wgs == null ? null : wgs[1]);
        String summary = description != null ? description : service.taxonomy().item(code).orElseThrow().name();
        Intake intake = new Intake(channel, token(), summary, null, now, phone == null ? null : new Caller(name, phone), place,
                media == null ? List.of() : List.of(media));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("service_code", code);
        content.put("lat", lat);
        content.put("long", lon);
        if (crs != CoordinateSystem.WGS84) { // absent from the content as before, so earlier sends' digests still hold
            content.put("crs", crs.label());
        }
        content.put("address_string", address);
        content.put("address_id", addressId);
        content.put("description", description);
        content.put("last_name", lastName);
        content.put("first_name", firstName);
        content.put("phone", phone);
        content.put("email", email);
        content.put("device_id", device);
        content.put("account_id", account);
        content.put("media_url", media);
        return new Parsed(new IntakeService.Request(intake, null, new IntakeDetail(null, code, null, false), null,
                submission(sender, idempotencyKey, content, now)), List.of());
    }

    /// How a repeat of this send is recognised: by the client's key when it sent one, else by its content.
    private static Submission submission(String sender, String idempotencyKey, Map<String, Object> content, Instant now) {
        // fields joined by NUL, which no storable text holds: two contents never join alike
        String digest = ApiKeys.digest(content.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : e.getValue())).collect(Collectors.joining("\0")));
        return idempotencyKey == null ? new Submission(sender, "C" + digest, digest, now, CONTENT_WINDOW)
                : new Submission(sender, "K" + ApiKeys.digest(idempotencyKey), digest, now, KEY_WINDOW);
    }

    private static List<String> nonNull(String... parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).toList();
    }

    /// A coordinate as a JSON number, or as text that is a plain decimal number ([#DECIMAL]).
    private static Double coordinate(JsonNode params, String field, List<FieldError> errors) {
        JsonNode value = params.path(field);
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return null;
        }
        if (value.isNumber() && Double.isFinite(value.asDouble())) {
            return value.asDouble();
        }
        if (value.isTextual() && DECIMAL.matcher(value.asText()).matches()) {
            return Double.parseDouble(value.asText());
        }
        errors.add(new FieldError(field, field + " 应为十进制度数（如 38.98765）", field + " must be decimal degrees (such as 38.98765)"));
        return null;
    }

    /// Digits only (spaces, dashes and a +86 prefix dropped), 5 to 20 of them.
    private static String phone(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("[\\s()-]", "").replaceFirst("^\\+86", "");
        if (!digits.matches("\\d{5,20}")) {
            errors.add(new FieldError("phone", "电话应为 5 到 20 位数字", "a phone is 5 to 20 digits"));
            return null;
        }
        return digits;
    }

    /// A new token: the request's number on the channel, for `GET tokens/{token}`; random, so that
    /// nobody finds a request by guessing.
    static String token() {
        StringBuilder token = new StringBuilder(TOKEN_PREFIX);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(TOKEN_CHARS[RANDOM.nextInt(TOKEN_CHARS.length)]);
        }
        return token.toString();
    }
}
