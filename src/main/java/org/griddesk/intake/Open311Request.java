package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Place;
import org.griddesk.geo.ChinaCoordinates;

/// An Open311 `POST requests` as the specification names its fields: `service_code` (required),
/// where (`lat` and `long`, or `address_string`, or `address_id`: one of them required), and
/// optional `description` (at most 4000 characters), `first_name`, `last_name`, `phone`, `email`,
/// `media_url`, `device_id`, `account_id`. Values arrive as form text or JSON.
final class Open311Request {
    static final int MAX_DESCRIPTION = 4000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /// The request, or the reasons it cannot be taken.
    record Parsed(IntakeService.Request request, List<FieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private Open311Request() {
    }

    static Parsed parse(JsonNode params, Channel channel, IntakeService service, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String code = Fields.text(params, "service_code", true, 30, errors);
        if (code != null && !service.knowsItem(code)) {
            errors.add(new FieldError("service_code", "没有这个服务：" + code, "service_code " + code + " was not found"));
        }
        Double lat = coordinate(params, "lat", errors);
        Double lon = coordinate(params, "long", errors);
        String address = Fields.text(params, "address_string", false, Place.MAX_ADDRESS - 40, errors);
        String addressId = Fields.text(params, "address_id", false, 30, errors);
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
        String name = String.join("", nonNull(Fields.text(params, "last_name", false, 20, errors),
                Fields.text(params, "first_name", false, 20, errors)));
        String phone = phone(Fields.text(params, "phone", false, 30, errors), errors);
        String email = Fields.text(params, "email", false, 100, errors);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            errors.add(new FieldError("email", "email 格式不对", "email is not an e-mail address"));
        }
        Fields.text(params, "device_id", false, 64, errors);
        Fields.text(params, "account_id", false, 64, errors);
        String media = Fields.text(params, "media_url", false, Fields.MAX_URL, errors);
        if (media != null && !media.matches("https?://\\S+")) {
            errors.add(new FieldError("media_url", "media_url 应为 http(s) 地址", "media_url is an http(s) URL"));
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, List.copyOf(errors));
        }
        String where = addressId == null ? address : (address == null ? "" : address + " ") + "[address_id " + addressId + "]";
        Place place = new Place(where, lon, lat);
        String summary = description != null ? description : service.taxonomy().item(code).orElseThrow().name();
        Intake intake = new Intake(channel, token(), summary, null, now, phone == null ? null : new Caller(name, phone), place,
                media == null ? List.of() : List.of(media));
        return new Parsed(new IntakeService.Request(intake, null, new IntakeDetail(null, code, null, false), null), List.of());
    }

    private static List<String> nonNull(String... parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).toList();
    }

    /// A coordinate as form text or a JSON number.
    private static Double coordinate(JsonNode params, String field, List<FieldError> errors) {
        JsonNode value = params.path(field);
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        try {
            double number = value.isNumber() ? value.asDouble() : value.isTextual() ? Double.parseDouble(value.asText().strip()) : Double.NaN;
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new FieldError(field, field + " 应为十进制度数", field + " must be decimal degrees"));
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

    /// A new token: the request's number on the channel, for `GET tokens/{token}`.
    private static String token() {
        StringBuilder token = new StringBuilder("O311-");
        for (int i = 0; i < 16; i++) {
            token.append(TOKEN_CHARS[RANDOM.nextInt(TOKEN_CHARS.length)]);
        }
        return token.toString();
    }
}
