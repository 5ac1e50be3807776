package org.griddesk.supervise.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.ticket.Channel;

/// Trends over the last 30, 90 or 365 days: intake by channel and the on-time and satisfaction
/// rates in buckets a chart can show — days for 30, weeks for 90, months for 365 — each a period of
/// its own, computed by the engine as such (a rate of a week is the week's, not an average of days)
/// and drilling down.
///
/// @param buckets the buckets, oldest first
public record Trend(List<Bucket> buckets) {
    /// one point of the charts: its period, its intake by channel and the district's sheet over it
    public record Bucket(Period period, String label, Map<Channel, Long> intake, KpiSheet sheet) {
        public long intake(Channel channel) {
            return intake.getOrDefault(channel, 0L);
        }
    }

    public static final List<Integer> SPANS = List.of(30, 90, 365);

    /// the days a trend of `days` shows, ending with `last`
    public static Period span(LocalDate last, int days) {
        return Period.custom(last.minusDays(days - 1L), last);
    }

    /// The buckets of a span, oldest first.
    public static List<Period> buckets(Period span) {
        Map<LocalDate, Period> buckets = new LinkedHashMap<>();
        for (LocalDate day = span.first(); !day.isAfter(span.last()); day = day.plusDays(1)) {
            Period p = bucketOf(span, day);
            buckets.putIfAbsent(p.first(), p);
        }
        return List.copyOf(buckets.values());
    }

    /// the bucket of a day: itself (30 days), its week (90), its month (365), cut to the span
    static Period bucketOf(Period span, LocalDate day) {
        long days = span.days();
        LocalDate first;
        LocalDate last;
        if (days <= 31) {
            return Period.day(day);
        } else if (days <= 120) {
            first = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            last = first.plusDays(6);
        } else {
            first = day.withDayOfMonth(1);
            last = YearMonth.from(day).atEndOfMonth();
        }
        first = first.isBefore(span.first()) ? span.first() : first;
        last = last.isAfter(span.last()) ? span.last() : last;
        return Period.custom(first, last);
    }

    static String label(Period span, Period bucket) {
        // days and weeks by their first day, months by themselves
        return span.days() <= 120 ? String.format("%02d-%02d", bucket.first().getMonthValue(), bucket.first().getDayOfMonth())
                : YearMonth.from(bucket.first()).toString();
    }

    /// a rate at each bucket (null where nothing was rated)
    public List<Double> rate(Rate rate) {
        return buckets.stream().map(b -> b.sheet().rate(rate)).map(r -> r.isPresent() ? r.getAsDouble() : null).toList();
    }
}
