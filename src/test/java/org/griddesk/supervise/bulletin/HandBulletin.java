package org.griddesk.supervise.bulletin;

import static org.griddesk.supervise.bulletin.HandKpiEngine.sheet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.ScoreWeights;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.assessment.TicketDigests.Digest;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/// November 2026 of a three-town district written by hand, with October to compare.
public final class HandBulletin {
    static final Period NOV = Period.parse("2026-11");
    static final Period OCT = NOV.previous();
    static final String[][] TOWNS = {{"JN-XSG", "咸水沽镇网格化管理中心"}, {"JN-GG", "葛沽镇网格化管理中心"}, {"JN-XZ", "小站镇网格化管理中心"}};

    private HandBulletin() {
    }

    static KpiSheet town(int i, long received, long onTime, long satisfied) {
        return sheet(UnitDimension.CENTRE, TOWNS[i][0], TOWNS[i][1], Measure.RECEIVED, received, Measure.ACCEPTED, received,
                Measure.ACCEPTED_ON_TIME, received - 2, Measure.RESOLVED, received - 5,
                Measure.RESOLVED_OF_ACCEPTED, received - 5, Measure.RESOLVED_ON_TIME, onTime,
                Measure.CALLBACKS_DONE, 40, Measure.SATISFIED, satisfied, Measure.OVERDUE_OPEN, 3, Measure.URGES, 2);
    }

    public static HandKpiEngine engine() {
        HandKpiEngine e = new HandKpiEngine()
                .put(NOV, town(0, 300, 280, 38), town(1, 120, 90, 30), town(2, 200, 190, 39))
                .put(OCT, town(0, 280, 250, 30), town(1, 100, 95, 39), town(2, 210, 180, 35))
                .put(NOV, sheet(UnitDimension.DEPARTMENT, "JN-CGW", "城管委", Measure.RECEIVED, 90, Measure.ACCEPTED, 90,
                        Measure.ACCEPTED_ON_TIME, 88, Measure.RESOLVED, 80, Measure.RESOLVED_OF_ACCEPTED, 80,
                        Measure.RESOLVED_ON_TIME, 70))
                .put(NOV, sheet(UnitDimension.DEPARTMENT, "JN-ZJW", "住建委"))
                .put(NOV, sheet(UnitDimension.DISTRICT, "JN", "津南区", Measure.RECEIVED, 620, Measure.ACCEPTED, 620,
                        Measure.ACCEPTED_ON_TIME, 614, Measure.RESOLVED, 605, Measure.RESOLVED_OF_ACCEPTED, 605,
                        Measure.RESOLVED_ON_TIME, 560, Measure.CALLBACKS_DUE, 130, Measure.CALLBACKS_DONE, 120,
                        Measure.CALLBACKS_DUE_DONE, 120, Measure.SATISFIED, 107, Measure.DISSATISFIED, 13, Measure.OVERDUE_OPEN, 9))
                .put(OCT, sheet(UnitDimension.DISTRICT, "JN", "津南区", Measure.RECEIVED, 590, Measure.ACCEPTED, 590,
                        Measure.ACCEPTED_ON_TIME, 580, Measure.RESOLVED, 560, Measure.RESOLVED_OF_ACCEPTED, 560,
                        Measure.RESOLVED_ON_TIME, 525))
                .behind(Measure.OVERDUE_OPEN, 1L, 2L)
                .behind(Measure.DISSATISFIED, 3L);
        e.behind(Measure.RECEIVED, received().keySet().toArray(Long[]::new));
        return e;
    }

    static List<Digest> digests(List<Long> ids) {
        Map<Long, Digest> all = Map.of(
                1L, new Digest(1, "2610-0007", "小区门口垃圾堆放多日无人清运，联系电话13812345678", "JN-XSG", "JN-XSG-HW",
                        Instant.parse("2026-10-02T01:00:00Z"), Instant.parse("2026-10-10T16:00:00Z"), null),
                2L, new Digest(2, "2611-0120", "路灯不亮", "JN-GG", null, Instant.parse("2026-11-03T01:00:00Z"),
                        Instant.parse("2026-11-20T16:00:00Z"), null),
                3L, new Digest(3, "2611-0300", "王建国先生反映噪音扰民", "JN-XZ", null, Instant.parse("2026-11-05T01:00:00Z"),
                        Instant.parse("2026-11-12T16:00:00Z"), Instant.parse("2026-11-10T06:00:00Z")));
        Map<Long, Digest> any = new java.util.HashMap<>(all);
        any.putAll(received());
        return ids.stream().filter(any::containsKey).map(any::get).toList();
    }

    /// 10 + d tickets received on day d of November (ids from 1000), reported at 08:00 Beijing time
    static Map<Long, Digest> received() {
        Map<Long, Digest> out = new java.util.TreeMap<>();
        long id = 1000;
        for (LocalDate d = NOV.first(); !d.isAfter(NOV.last()); d = d.plusDays(1)) {
            for (int i = 0; i < 10 + d.getDayOfMonth(); i++, id++) {
                out.put(id, new Digest(id, "R-" + id, "来件", "JN-XSG", null, d.atTime(8, 0).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                        .toInstant(), null, null));
            }
        }
        return out;
    }

    static List<Region> areas() {
        GeometryFactory f = new GeometryFactory();
        return List.of(
                area(f, 0, 117.30, 38.90), area(f, 1, 117.40, 38.90), area(f, 2, 117.35, 38.96));
    }

    private static Region area(GeometryFactory f, int i, double x, double y) {
        Coordinate[] ring = {new Coordinate(x, y), new Coordinate(x + 0.09, y), new Coordinate(x + 0.09, y + 0.05),
            new Coordinate(x, y + 0.05), new Coordinate(x, y)};
        return new Region(TOWNS[i][0], TOWNS[i][1].replace("网格化管理中心", ""), RegionLevel.AREA, "JN", f.createPolygon(ring), 1);
    }

    public static BulletinSources sources(HandKpiEngine engine) {
        return new BulletinSources("津南区", engine, () -> ScoreWeights.DEFAULTS, HandBulletin::areas, HandBulletin::digests);
    }

    static Bulletin november() {
        return new BulletinMaker(sources(engine())).make(NOV);
    }
}
