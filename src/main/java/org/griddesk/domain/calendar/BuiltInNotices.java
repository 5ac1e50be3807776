package org.griddesk.domain.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/// The State Council holiday notices GridDesk ships with (2024–2026). Later years are imported by
/// an administrator (`griddesk calendar import`), and an imported year replaces a shipped one.
public final class BuiltInNotices {
    // year | off days as "name from..to" | swapped working days
    private static final String[][] FACTS = {
        {"2024", "元旦 01-01; 春节 02-10..02-17; 清明节 04-04..04-06; 劳动节 05-01..05-05; 端午节 06-10; "
                + "中秋节 09-15..09-17; 国庆节 10-01..10-07",
            "春节 02-04; 春节 02-18; 清明节 04-07; 劳动节 04-28; 劳动节 05-11; 中秋节 09-14; 国庆节 09-29; 国庆节 10-12"},
        {"2025", "元旦 01-01; 春节 01-28..02-04; 清明节 04-04..04-06; 劳动节 05-01..05-05; 端午节 05-31..06-02; "
                + "国庆节、中秋节 10-01..10-08",
            "春节 01-26; 春节 02-08; 劳动节 04-27; 国庆节、中秋节 09-28; 国庆节、中秋节 10-11"},
        {"2026", "元旦 01-01..01-03; 春节 02-15..02-23; 清明节 04-04..04-06; 劳动节 05-01..05-05; 端午节 06-19..06-21; "
                + "中秋节 09-25..09-27; 国庆节 10-01..10-07",
            "元旦 01-04; 春节 02-14; 春节 02-28; 劳动节 05-09; 中秋节 09-20; 国庆节 10-10"},
    };

    private BuiltInNotices() {
    }

    public static List<HolidayNotice> all() {
        List<HolidayNotice> notices = new ArrayList<>();
        for (String[] fact : FACTS) {
            int year = Integer.parseInt(fact[0]);
            List<HolidayDay> days = new ArrayList<>();
            parse(year, fact[1], true, days);
            parse(year, fact[2], false, days);
            notices.add(HolidayNotice.of(year, days));
        }
        return notices;
    }

    private static void parse(int year, String spec, boolean offDay, List<HolidayDay> into) {
        for (String entry : spec.split(";")) {
            String[] nameAndDates = entry.strip().split(" ");
            String[] range = nameAndDates[1].split("\\.\\.");
            LocalDate from = LocalDate.parse(year + "-" + range[0]);
            LocalDate to = range.length > 1 ? LocalDate.parse(year + "-" + range[1]) : from;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                into.add(new HolidayDay(d, nameAndDates[0], offDay));
            }
        }
    }
}
