package org.griddesk.supervise.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.ticket.Channel;

/// A KPI engine over a handful of hand-written ticket facts, for the view model's tests: each fact
/// says on which day a ticket counted which measures, where it lies and how it came. The real one
/// (`store.assessment.SqlKpiEngine`) computes the same in SQL from the trail.
final class HandKpiEngine implements KpiEngine {
    record Fact(long ticket, LocalDate day, String centre, String community, Channel channel, String category, Set<Measure> counted) {
    }

    static final Map<String, String> NAMES = Map.of("JN", "津南区", "JN-XSG", "咸水沽镇", "JN-GG", "葛沽镇",
            "XSG-01", "咸水沽一社区", "GG-01", "葛沽一社区");
    static final List<String> CENTRES = List.of("JN-XSG", "JN-GG");

    final List<Fact> facts = new ArrayList<>();
    int calls;

    HandKpiEngine fact(long ticket, String day, String centre, String community, Channel channel, String category, Measure... counted) {
        facts.add(new Fact(ticket, LocalDate.parse(day), centre, community, channel, category, Set.of(counted)));
        return this;
    }

    private static String unitOf(Fact f, UnitDimension dimension) {
        return switch (dimension) {
            case DISTRICT -> "JN";
            case CENTRE -> f.centre();
            case COMMUNITY -> f.community();
            default -> throw new UnsupportedOperationException(dimension.name());
        };
    }

    private List<Fact> of(Period p, UnitDimension d, KpiFilter filter, Predicate<String> unit) {
        return facts.stream().filter(f -> !f.day().isBefore(p.first()) && !f.day().isAfter(p.last()))
                .filter(f -> filter.channel().map(f.channel()::equals).orElse(true))
                .filter(f -> filter.categoryCode().map(f.category()::equals).orElse(true))
                .filter(f -> unit.test(unitOf(f, d))).toList();
    }

    private static KpiSheet sheet(UnitDimension d, String unit, List<Fact> facts) {
        Map<Measure, Long> counts = new EnumMap<>(Measure.class);
        facts.forEach(f -> f.counted().forEach(m -> counts.merge(m, 1L, Long::sum)));
        return new KpiSheet(d, unit, NAMES.getOrDefault(unit, unit), counts);
    }

    @Override
    public List<KpiSheet> sheets(Period period, UnitDimension dimension, KpiFilter filter) {
        calls++;
        Map<String, List<Fact>> byUnit = new LinkedHashMap<>();
        if (dimension == UnitDimension.CENTRE) {
            CENTRES.forEach(c -> byUnit.put(c, new ArrayList<>()));
        }
        if (dimension == UnitDimension.DISTRICT) {
            byUnit.put("JN", new ArrayList<>());
        }
        of(period, dimension, filter, u -> true).forEach(f -> byUnit.computeIfAbsent(unitOf(f, dimension), k -> new ArrayList<>()).add(f));
        return byUnit.entrySet().stream().map(e -> sheet(dimension, e.getKey(), e.getValue())).toList();
    }

    @Override
    public KpiSheet sheet(Period period, UnitDimension dimension, String unitId, KpiFilter filter) {
        calls++;
        return sheet(dimension, unitId, of(period, dimension, filter, unitId::equals));
    }

    @Override
    public SortedMap<LocalDate, KpiSheet> daily(Period period, UnitDimension dimension, String unitId, KpiFilter filter) {
        calls++;
        SortedMap<LocalDate, KpiSheet> days = new TreeMap<>();
        for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
            days.put(d, sheet(dimension, unitId, of(Period.day(d), dimension, filter, unitId::equals)));
        }
        return days;
    }

    @Override
    public List<Long> ticketsBehind(Period period, UnitDimension dimension, String unitId, Measure measure, KpiFilter filter) {
        calls++;
        return of(period, dimension, filter, unitId::equals).stream().filter(f -> f.counted().contains(measure))
                .map(Fact::ticket).toList().reversed();
    }

    @Override
    public List<Long> ticketsMissing(Period period, UnitDimension dimension, String unitId, Rate rate, KpiFilter filter) {
        calls++;
        return of(period, dimension, filter, unitId::equals).stream()
                .filter(f -> f.counted().contains(rate.denominator()) && !f.counted().contains(rate.numerator()))
                .map(Fact::ticket).toList().reversed();
    }
}
