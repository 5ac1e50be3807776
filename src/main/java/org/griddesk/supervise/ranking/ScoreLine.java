package org.griddesk.supervise.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.griddesk.domain.assessment.AssessmentScore;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.RankingRow;
import org.griddesk.domain.assessment.ScoreKey;
import org.griddesk.supervise.bulletin.BulletinTable.Num;

/// One line of a score's explanation: a part or a deduction, its value, and the tickets behind it (the
/// late, missed or dissatisfied ones of a rate; the cases of a deduction), for the drill-down list.
///
/// @param label   e.g. "按时办结率"
/// @param value   e.g. "94.9%（未按时 15 件）" or "−2.00"
/// @param drill   what the drill-down list is titled after the unit and period, e.g. "未按时办结"
/// @param tickets the tickets' ids (called off the FX thread)
public record ScoreLine(String label, String value, String drill, Callable<List<Long>> tickets) {

    /// The explanation of a ranking row: the received tickets, each rate of the three parts with the
    /// tickets it missed, and each deduction with its cases.
    public static List<ScoreLine> of(RankingRow row, Period period, KpiEngine engine) {
        var sheet = row.sheet();
        var dim = sheet.dimension();
        String unit = sheet.unitId();
        AssessmentScore score = row.score();
        List<ScoreLine> lines = new ArrayList<>();
        lines.add(new ScoreLine("来件量", Long.toString(sheet.count(Measure.RECEIVED)), "来件",
                () -> engine.ticketsBehind(period, dim, unit, Measure.RECEIVED, KpiFilter.ALL)));
        for (Rate rate : List.of(Rate.ACCEPTED_ON_TIME, Rate.CONTACTED_ON_TIME, Rate.RESOLVED_ON_TIME, Rate.RESOLVED, Rate.SATISFACTION)) {
            OptionalDouble r = sheet.rate(rate);
            long missed = sheet.count(rate.denominator()) - sheet.count(rate.numerator());
            lines.add(new ScoreLine(rate.zhName(), r.isPresent() ? Num.share(r.getAsDouble()).text() + "（未达 " + missed + " 件）" : "—",
                    rate.zhName() + " 未达", () -> engine.ticketsMissing(period, dim, unit, rate, KpiFilter.ALL)));
        }
        lines.add(deduction(score, ScoreKey.OVERDUE, sheet.count(Measure.OVERDUE_OPEN) + sheet.count(Measure.FINISHED_LATE),
                () -> Stream.concat(engine.ticketsBehind(period, dim, unit, Measure.OVERDUE_OPEN, KpiFilter.ALL).stream(),
                        engine.ticketsBehind(period, dim, unit, Measure.FINISHED_LATE, KpiFilter.ALL).stream()).distinct().toList()));
        lines.add(deduction(score, ScoreKey.RETURN, sheet.count(Measure.RETURNS),
                () -> engine.ticketsBehind(period, dim, unit, Measure.RETURNS, KpiFilter.ALL)));
        lines.add(deduction(score, ScoreKey.URGE, sheet.count(Measure.URGES),
                () -> engine.ticketsBehind(period, dim, unit, Measure.URGES, KpiFilter.ALL)));
        lines.add(deduction(score, ScoreKey.REPEAT, sheet.count(Measure.REPEAT_REQUESTS),
                () -> engine.ticketsBehind(period, dim, unit, Measure.REPEAT_REQUESTS, KpiFilter.ALL)));
        return lines;
    }

    private static ScoreLine deduction(AssessmentScore score, ScoreKey key, long count, Callable<List<Long>> tickets) {
        String name = switch (key) {
            case OVERDUE -> "超期";
            case RETURN -> "退单";
            case URGE -> "督办";
            default -> "重复来件";
        };
        double points = score.deductions().getOrDefault(key, 0.0);
        return new ScoreLine("扣分 · " + name, count + " 件，" + (points > 0 ? "−" : "") + Num.points(points).text(), name, tickets);
    }
}
