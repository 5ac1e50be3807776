package org.griddesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.griddesk.domain.care.CareRecord;
import org.griddesk.domain.care.RiskLevel;
import org.griddesk.domain.care.SpecialGroup;
import org.griddesk.domain.district.VisitHousehold;

/// The demo district's special groups and care (关爱帮扶): about one must-visit household in six has
/// people in a special group, with one to three care records over the last three months by its grid's
/// worker; most are low risk, a few high. The same seed gives the same records.
final class DemoCare {
    private static final String[] NOTES = {
        "上门走访，家中情况稳定，已告知网格员联系方式。",
        "电话回访，情绪平稳，近期无异常。",
        "协调社区为其申请临时救助，已提交材料。",
        "与家属沟通，叮嘱按时服药，下周再访。",
        "邻里反映近期有争吵，已联系社区调解员跟进。",
        "陪同前往街道办理低保复核手续。",
        "反映诉求已转交镇街网格化管理中心，持续关注。",
    };

    private DemoCare() {
    }

    static List<CareRecord> records(List<VisitHousehold> households, Instant now, long seed) {
        Random random = new Random(seed * 31 + 7);
        SpecialGroup[] groups = SpecialGroup.values();
        List<CareRecord> records = new ArrayList<>();
        for (VisitHousehold h : households) {
            if (random.nextInt(6) != 0) {
                continue;
            }
            Set<SpecialGroup> of = EnumSet.of(groups[random.nextInt(groups.length)]);
            if (random.nextInt(4) == 0) {
                of.add(groups[random.nextInt(groups.length)]);
            }
            double roll = random.nextDouble();
            RiskLevel risk = roll < 0.1 ? RiskLevel.HIGH : roll < 0.35 ? RiskLevel.MEDIUM : RiskLevel.LOW;
            int count = 1 + random.nextInt(3);
            for (int i = count; i >= 1; i--) {
                Instant at = now.minus(Duration.ofDays(i * 25L + random.nextInt(20))).minus(Duration.ofMinutes(random.nextInt(600)));
                records.add(new CareRecord(0, h.id(), at, "W-" + h.gridCode(), "网格员", risk, of,
                        NOTES[random.nextInt(NOTES.length)]));
            }
        }
        return records;
    }
}
