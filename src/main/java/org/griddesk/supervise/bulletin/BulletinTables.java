package org.griddesk.supervise.bulletin;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Ranking;
import org.griddesk.domain.assessment.RankingRow;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.ScoreKey;
import org.griddesk.supervise.bulletin.BulletinTable.Column;
import org.griddesk.supervise.bulletin.BulletinTable.NumFormat;
import org.griddesk.supervise.bulletin.BulletinTable.Num;

/// The tables of a [Bulletin], in the order both writers show them.
public final class BulletinTables {
    static final List<Measure> HEADLINE_COUNTS = List.of(Measure.RECEIVED, Measure.ACCEPTED, Measure.RESOLVED,
            Measure.RESOLVED_ON_TIME, Measure.OVERDUE_OPEN, Measure.FINISHED_LATE, Measure.EXTENSIONS_APPROVED, Measure.RETURNS,
            Measure.REWORKS, Measure.URGES, Measure.WHISTLES, Measure.CALLBACKS_DONE, Measure.DISSATISFIED, Measure.REOPENED,
            Measure.REPEAT_REQUESTS);

    private BulletinTables() {
    }

    public static List<BulletinTable> of(Bulletin b) {
        return List.of(headline(b), ranking("镇街中心排名", "四、镇街中心考评排名", b.centres()),
                ranking("区级部门排名", "五、区级部门考评排名", b.departments()), daily(b), cases(b), weights(b));
    }

    static BulletinTable headline(Bulletin b) {
        List<List<Object>> rows = new ArrayList<>();
        for (Measure m : HEADLINE_COUNTS) {
            long now = b.district().count(m);
            long then = b.before().count(m);
            rows.add(List.of(m.zhName(), Num.count(now), Num.count(then), new Num(now - then, NumFormat.COUNT, true)));
        }
        for (Rate r : Rate.values()) {
            rows.add(changeRow(r.zhName(), b.district().rate(r), b.before().rate(r), NumFormat.SHARE));
        }
        rows.add(changeRow("平均办理时长（工作小时）", b.district().averageHandlingWorkHours(), b.before().averageHandlingWorkHours(),
                NumFormat.HOURS));
        return new BulletinTable("全区主要指标", "附一、全区指标明细", List.of(new Column("指标", 185), new Column("本期", 110),
                new Column("上期", 110), new Column("变化", 110)), rows);
    }

    private static List<Object> changeRow(String name, OptionalDouble now, OptionalDouble then, NumFormat format) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.add(num(now, format));
        row.add(num(then, format));
        row.add(now.isPresent() && then.isPresent() ? new Num(now.getAsDouble() - then.getAsDouble(), format, true) : null);
        return row;
    }

    static BulletinTable ranking(String sheet, String title, Ranking ranking) {
        List<Column> columns = List.of(new Column("排名", 28), new Column("单位代码", 0), new Column("单位", 112),
                new Column("得分", 38), new Column("上期排名", 38), new Column("名次变化", 38), new Column("得分变化", 40),
                new Column("受理及时率", 44), new Column("联系及时率", 0), new Column("按时办结率", 44), new Column("办结率", 0),
                new Column("满意率", 40), new Column("来件量", 36), new Column("超期", 0), new Column("退单", 0), new Column("督办", 0),
                new Column("重复来件", 0), new Column("扣分", 36));
        List<List<Object>> rows = new ArrayList<>();
        for (RankingRow r : ranking.rows()) {
            KpiSheet s = r.sheet();
            List<Object> row = new ArrayList<>();
            row.add(r.rank() == 0 ? null : Num.count(r.rank()));
            row.add(r.unitId());
            row.add(r.unitName());
            row.add(num(r.score().total(), NumFormat.POINTS));
            row.add(r.previousRank().isPresent() ? Num.count(r.previousRank().getAsInt()) : null);
            OptionalInt up = r.rankChange();
            row.add(up.isPresent() ? new Num(up.getAsInt(), NumFormat.COUNT, true) : null);
            row.add(r.scoreChange().isPresent() ? new Num(r.scoreChange().getAsDouble(), NumFormat.POINTS, true) : null);
            for (Rate rate : List.of(Rate.ACCEPTED_ON_TIME, Rate.CONTACTED_ON_TIME, Rate.RESOLVED_ON_TIME, Rate.RESOLVED, Rate.SATISFACTION)) {
                row.add(num(s.rate(rate), NumFormat.SHARE));
            }
            row.add(Num.count(s.count(Measure.RECEIVED)));
            row.add(Num.count(s.count(Measure.OVERDUE_OPEN) + s.count(Measure.FINISHED_LATE)));
            row.add(Num.count(s.count(Measure.RETURNS)));
            row.add(Num.count(s.count(Measure.URGES)));
            row.add(Num.count(s.count(Measure.REPEAT_REQUESTS)));
            row.add(Num.points(r.score().deducted()));
            rows.add(row);
        }
        return new BulletinTable(sheet, title, columns, rows);
    }

    static BulletinTable daily(Bulletin b) {
        List<List<Object>> rows = new ArrayList<>();
        b.daily().forEach((day, n) -> rows.add(List.of(day.toString(), Num.count(n))));
        return new BulletinTable("每日来件", "每日来件", List.of(new Column("日期", 0), new Column("来件量", 0)), rows);
    }

    static BulletinTable cases(Bulletin b) {
        List<List<Object>> rows = new ArrayList<>();
        b.cases().forEach(c -> rows.add(List.of(c.kind().zhName(), c.code(), c.unit(), c.summary(), c.note())));
        return new BulletinTable("典型案件", "六、典型案件", List.of(new Column("类别", 56), new Column("编号", 62),
                new Column("单位", 100), new Column("摘要（已脱敏）", 232), new Column("说明", 65)), rows);
    }

    static BulletinTable weights(Bulletin b) {
        List<List<Object>> rows = new ArrayList<>();
        for (ScoreKey k : ScoreKey.values()) {
            rows.add(List.of(k.key(), k.zhName(), Num.points(b.weights().get(k))));
        }
        return new BulletinTable("考评参数", "附二、考评参数", List.of(new Column("参数", 110), new Column("说明", 300), new Column("取值", 60)),
                rows);
    }

    private static Num num(OptionalDouble v, NumFormat format) {
        return v.isPresent() ? new Num(v.getAsDouble(), format, false) : null;
    }
}
