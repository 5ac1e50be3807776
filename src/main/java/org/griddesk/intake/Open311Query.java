package org.griddesk.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/// The parameters of `GET requests`: by ids (which override the rest), else by services, dates and
/// status. Each is checked as the specification writes it: lists comma-separated, times w3 date/times
/// with their offset (strict ISO-8601), status `open`, `closed` or both.
///
/// @param ids          the `service_request_id`s asked for, or empty
/// @param serviceCodes the `service_code`s asked for (each a known item), or empty for any
/// @param open         true for open, false for closed, null for either
record Open311Query(List<String> ids, List<String> serviceCodes, Instant start, Instant end, Boolean open) {
    /// the specification's default and largest window for a query without ids
    static final Duration WINDOW = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    /// more service codes than any client needs in one query (the taxonomy has 238 items)
    static final int MAX_SERVICE_CODES = 50;
    private static final int MAX_ID = 20;

    /// The query, or the reasons it cannot be answered.
    record Parsed(Open311Query query, List<FieldError> errors) {
    }

    /// Reads the query from its parameters (`param`: a name to its value, null when absent), with the
    /// service codes checked against `knownService`.
    static Parsed parse(Function<String, String> param, Function<String, Boolean> knownService, Instant now) {
        List<String> ids = list(param.apply("service_request_id")).stream().filter(c -> c.length() <= MAX_ID)
                .limit(MAX_RESULTS).toList();
        if (!ids.isEmpty()) {
            return new Parsed(new Open311Query(ids, List.of(), null, null, null), List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        Instant end = time(param.apply("end_date"), "end_date", now, errors);
        Instant start = time(param.apply("start_date"), "start_date", end.minus(WINDOW), errors);
        List<String> codes = list(param.apply("service_code"));
        if (codes.size() > MAX_SERVICE_CODES) {
            errors.add(new FieldError("service_code", "service_code 最多 " + MAX_SERVICE_CODES + " 个",
                    "service_code lists at most " + MAX_SERVICE_CODES + " services"));
        }
        codes.stream().filter(code -> !knownService.apply(code)).limit(MAX_SERVICE_CODES).forEach(code ->
                errors.add(new FieldError("service_code", "没有这个服务：" + code, "no service with code " + code)));
        Boolean open = status(param.apply("status"), errors);
        if (errors.isEmpty() && (start.isAfter(end) || Duration.between(start, end).compareTo(WINDOW) > 0)) {
            errors.add(new FieldError("start_date", "时间范围应在 90 天之内", "the date range may not span more than 90 days"));
        }
        return errors.isEmpty() ? new Parsed(new Open311Query(List.of(), codes, start, end, open), List.of())
                : new Parsed(null, List.copyOf(errors));
    }

    /// A comma-separated list, each entry stripped, empty entries and repeats left out.
    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static Instant time(String text, String field, Instant fallback, List<FieldError> errors) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, field + " 应为带时区的 ISO-8601 时间", field + " must be a w3 date/time with its offset"));
            return fallback;
        }
    }

    /// `open`, `closed`, both (comma-separated) or absent: true, false, null (either).
    private static Boolean status(String text, List<FieldError> errors) {
        List<String> wanted = list(text);
        if (wanted.isEmpty()) {
            return null;
        }
        if (!List.of("open", "closed").containsAll(wanted)) {
            errors.add(new FieldError("status", "status 只能是 open 或 closed", "status is open or closed"));
            return null;
        }
        return wanted.size() == 2 ? null : wanted.getFirst().equals("open");
    }
}
