package org.griddesk.supervise.bulletin;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Ranking;
import org.griddesk.domain.assessment.ScoreWeights;
import org.griddesk.geo.Region;

/// Everything one 《考评专报》 shows, computed once; the PDF and the XLSX are two drawings of it, so they
/// carry the same numbers. Nothing in it depends on when it was made (same data, same bulletin).
///
/// @param districtName the district's name for the title
/// @param district     the district's figures for the period
/// @param before       the district's figures for the period before
/// @param centres      town centres ranked, with the change from the period before
/// @param departments  district departments ranked
/// @param daily        tickets received by the district each day of the period (zeros included)
/// @param areas        the town areas' shapes (their codes are the centres' ids) for the map
/// @param cases        notable cases, masked
/// @param weights      the formula's settings the scores were computed with
public record Bulletin(Period period, String districtName, KpiSheet district, KpiSheet before, Ranking centres, Ranking departments,
                       SortedMap<LocalDate, Long> daily, List<Region> areas, List<NotableCase> cases, ScoreWeights weights) {
    public Bulletin {
        areas = List.copyOf(areas);
        cases = List.copyOf(cases);
    }

    /// true when nothing happened in the period (the bulletin says so and shows zeros)
    public boolean empty() {
        return district.isEmpty();
    }

    /// "2026年11月", "2026年第47周（11月16日—11月22日）"
    public String periodTitle() {
        return switch (period.kind()) {
            case MONTH -> period.first().getYear() + "年" + period.first().getMonthValue() + "月";
            case WEEK -> period.first().get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "年第"
                    + period.first().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周（" + day(period.first()) + "—"
                    + day(period.last()) + "）";
            case DAY -> period.first().getYear() + "年" + day(period.first());
            case CUSTOM -> period.first() + " 至 " + period.last();
        };
    }

    private static String day(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
