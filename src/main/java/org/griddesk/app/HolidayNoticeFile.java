package org.griddesk.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.calendar.HolidayDay;
import org.griddesk.domain.calendar.HolidayNotice;

/// Reads the widely used yearly JSON form of a holiday notice:
/// `{"year":2026,"days":[{"name":"春节","date":"2026-02-15","isOffDay":true}, …]}`.
/// Every problem in the file is reported at once, by position; nothing is taken from a bad file.
final class HolidayNoticeFile {
    private static final long MAX_BYTES = 1_000_000;

    private HolidayNoticeFile() {
    }

    static HolidayNotice read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + " is larger than 1 MB: not a holiday notice");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new HolidayNotice.InvalidNoticeException(List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new HolidayNotice.InvalidNoticeException(List.of("the file must hold one JSON object"));
        }
        JsonNode year = root.get("year");
        if (year == null || !year.canConvertToInt() || !year.isIntegralNumber()) {
            problems.add("year: a whole number is required");
        }
        JsonNode days = root.get("days");
        List<HolidayDay> parsed = new ArrayList<>();
        if (days == null || !days.isArray()) {
            problems.add("days: a list is required");
        } else {
            for (int i = 0; i < days.size(); i++) {
                JsonNode d = days.get(i);
                String where = "days[" + i + "]";
                JsonNode name = d.get("name");
                JsonNode date = d.get("date");
                JsonNode off = d.get("isOffDay");
                if (name == null || !name.isTextual()) {
                    problems.add(where + ".name: text is required");
                }
                if (off == null || !off.isBoolean()) {
                    problems.add(where + ".isOffDay: true or false is required");
                }
                LocalDate day = null;
                if (date == null || !date.isTextual()) {
                    problems.add(where + ".date: a date YYYY-MM-DD is required");
                } else {
                    try {
                        day = LocalDate.parse(date.asText());
                    } catch (DateTimeParseException e) {
                        problems.add(where + ".date: '" + date.asText() + "' is not a date YYYY-MM-DD");
                    }
                }
                if (day != null && name != null && name.isTextual() && off != null && off.isBoolean()) {
                    parsed.add(new HolidayDay(day, name.asText(), off.asBoolean()));
                }
            }
        }
        if (problems.isEmpty()) {
            return HolidayNotice.of(year.asInt(), parsed);
        }
        if (year != null && year.isIntegralNumber() && !parsed.isEmpty()) {
            try {
                HolidayNotice.of(year.asInt(), parsed); // report the rule breaches of the readable days too
            } catch (HolidayNotice.InvalidNoticeException more) {
                problems.addAll(more.problems());
            }
        }
        throw new HolidayNotice.InvalidNoticeException(problems);
    }
}
