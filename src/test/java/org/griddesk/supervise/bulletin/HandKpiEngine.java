package org.griddesk.supervise.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;

/// A KPI engine over figures written by hand (for the bulletin's writers, before and besides the SQL engine).
public final class HandKpiEngine implements KpiEngine {
    private final Map<String, List<KpiSheet>> sheets = new HashMap<>();
    private final Map<Measure, List<Long>> behind = new EnumMap<>(Measure.class);

    public static KpiSheet sheet(UnitDimension d, String id, String name, Object... pairs) {
        Map<Measure, Long> counts = new EnumMap<>(Measure.class);
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((Measure) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return new KpiSheet(d, id, name, counts);
    }

    HandKpiEngine put(Period p, KpiSheet... s) {
        for (KpiSheet k : s) {
            sheets.computeIfAbsent(p.label() + k.dimension(), x -> new ArrayList<>()).add(k);
        }
        return this;
    }

    HandKpiEngine behind(Measure m, Long... ids) {
        behind.put(m, List.of(ids));
        return this;
    }

    @Override
    public List<KpiSheet> sheets(Period period, UnitDimension dimension, KpiFilter filter) {
        return sheets.getOrDefault(period.label() + dimension, List.of());
    }

    @Override
    public KpiSheet sheet(Period period, UnitDimension dimension, String unitId, KpiFilter filter) {
        return sheets(period, dimension, filter).stream().filter(s -> s.unitId().equals(unitId)).findFirst()
                .orElse(new KpiSheet(dimension, unitId, unitId, Map.of()));
    }

    @Override
    public SortedMap<LocalDate, KpiSheet> daily(Period period, UnitDimension dimension, String unitId, KpiFilter filter) {
        return new TreeMap<>(); // the bulletin bins the received tickets by day itself
    }

    @Override
    public List<Long> ticketsBehind(Period period, UnitDimension dimension, String unitId, Measure measure, KpiFilter filter) {
        return behind.getOrDefault(measure, List.of());
    }

    @Override
    public List<Long> ticketsMissing(Period period, UnitDimension dimension, String unitId, Rate rate, KpiFilter filter) {
        return List.of();
    }
}
