package org.griddesk.store.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.ticket.TimingPolicyHistory;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.conf.SettingsTools;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/// The measures of `docs/assessment.md` computed in SQL on the store (H2 and PostgreSQL alike):
/// each kind of record ([FactQueries]) is summed per unit in one query, so a sheet of every unit of a
/// dimension is five grouped queries whatever the number of tickets. Nothing here loads tickets.
public final class SqlKpiEngine implements KpiEngine {
    private final DSLContext dsl;
    private final Clock clock;
    private final FactQueries facts;
    private final UnitNames names;

    /// Brings the store's day table up to `calendar` first (see [WorkDays]). Every ticket is timed by
    /// the one policy `timing`.
    public SqlKpiEngine(DSLContext dsl, WorkCalendar calendar, TimingPolicy timing, Clock clock) {
        this(dsl, calendar, new TimingPolicies(List.of(new TimingPolicies.Period(Instant.EPOCH, timing))), clock);
    }

    /// The engine of a store with its own working-day calendar and the timing policies recorded in it
    /// ([TimingPolicyHistory]): what the statistics and assessment screens use.
    public static SqlKpiEngine of(DSLContext dsl, Clock clock) {
        return new SqlKpiEngine(dsl, new CalendarRepository(dsl, clock).workCalendar(), new TimingPolicyHistory(dsl, clock).read(), clock);
    }

    /// Brings the store's day table up to `calendar` first (see [WorkDays]). A ticket is timed (accepted
    /// in time, citizen contacted in time) by the policy in force when it was reported, as the desk
    /// timed it ([TimingPolicyHistory]).
    public SqlKpiEngine(DSLContext dsl, WorkCalendar calendar, TimingPolicies timing, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.facts = new FactQueries(timing);
        this.names = new UnitNames(dsl);
        WorkDays.sync(dsl, calendar);
    }

    @Override
    public List<KpiSheet> sheets(Period period, UnitDimension dimension, KpiFilter filter) {
        return everySheet(period, List.of(dimension), filter).get(dimension);
    }

    /// Every dimension in one pass over each kind of record (see [EveryUnit]): the same sheets as
    /// [#sheets] for each, in a seventh of the reading.
    @Override
    public Map<UnitDimension, List<KpiSheet>> everySheet(Period period, KpiFilter filter) {
        return everySheet(period, EveryUnit.every(), filter);
    }

    private Map<UnitDimension, List<KpiSheet>> everySheet(Period period, List<UnitDimension> dimensions, KpiFilter filter) {
        String district = names.district().getKey();
        var sums = new EveryUnit(dsl).sum(facts.all(period, asOf(period)), dimensions, district, filter);
        Map<UnitDimension, List<KpiSheet>> out = new EnumMap<>(UnitDimension.class);
        sums.forEach((d, byUnit) -> out.put(d, sheets(d, byUnit)));
        return out;
    }

    /// The sheets of the units with figures, and of every centre and department.
    private List<KpiSheet> sheets(UnitDimension dimension, Map<String, EnumMap<Measure, Long>> byUnit) {
        Map<String, String> units = names.of(dimension);
        boolean everyUnit = dimension == UnitDimension.CENTRE || dimension == UnitDimension.DEPARTMENT
                || dimension == UnitDimension.DISTRICT;
        Set<String> shown = new LinkedHashSet<>();
        if (everyUnit) {
            shown.addAll(units.keySet());
        }
        byUnit.forEach((unit, counts) -> {
            if (counts.values().stream().anyMatch(v -> v != 0)) {
                shown.add(unit);
            }
        });
        return shown.stream().sorted()
                .map(u -> new KpiSheet(dimension, u, units.containsKey(u) ? units.get(u) : names.centreName(u),
                        byUnit.getOrDefault(u, new EnumMap<>(Measure.class))))
                .toList();
    }

    @Override
    public KpiSheet sheet(Period period, UnitDimension dimension, String unitId, KpiFilter filter) {
        String name = unitName(dimension, unitId);
        String district = names.district().getKey();
        EnumMap<Measure, Long> counts = new EnumMap<>(Measure.class);
        for (Facts f : facts.all(period, asOf(period))) {
            sum(f, dimension, district, unitId, filter).forEach((m, v) -> counts.merge(m, v, Long::sum));
        }
        return new KpiSheet(dimension, unitId, name, counts);
    }

    /// the sums of one kind of facts for one unit
    private Map<Measure, Long> sum(Facts f, UnitDimension dimension, String district, String unitId, KpiFilter filter) {
        Attribution a = Attribution.of(f, dimension, district, filter);
        List<SelectField<?>> select = new ArrayList<>();
        f.measures().forEach(m -> select.add(DSL.sum(f.value(m))));
        Record r = dsl.select(select).from(a.from()).where(a.forUnit(unitId)).fetchOne();
        Map<Measure, Long> out = new EnumMap<>(Measure.class);
        for (int i = 0; i < f.measures().size(); i++) {
            out.merge(f.measures().get(i), number(r.get(i)), Long::sum);
        }
        return out;
    }

    /// Every day of the period in the five queries of one sheet, each grouped by day: the period's
    /// rows put on the Beijing day of their own time ([FactQueries#byDay]), and the overdue tickets at
    /// the end of each day that has ended ([FactQueries#overdueByDay]). The days not yet ended look
    /// at open work now, as [#sheet] does for them (one more query).
    @Override
    public SortedMap<LocalDate, KpiSheet> daily(Period period, UnitDimension dimension, String unitId, KpiFilter filter) {
        String name = unitName(dimension, unitId);
        String district = names.district().getKey();
        Instant now = clock.instant();
        SortedMap<LocalDate, EnumMap<Measure, Long>> counts = new TreeMap<>();
        for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
            counts.put(d, new EnumMap<>(Measure.class));
        }
        List<Facts> grouped = new ArrayList<>(facts.byDay(period));
        LocalDate lastEnded = counts.keySet().stream().filter(d -> !Period.day(d).end().isAfter(now)).reduce((a, b) -> b)
                .orElse(null);
        if (lastEnded != null) {
            grouped.add(facts.overdueByDay(period, lastEnded));
        }
        DSLContext inline = DSL.using(dsl.configuration().derive(
                SettingsTools.clone(dsl.settings()).withStatementType(StatementType.STATIC_STATEMENT)));
        for (Facts f : grouped) {
            Attribution a = Attribution.of(f, dimension, district, filter);
            List<SelectField<?>> select = new ArrayList<>(List.of(f.day()));
            f.measures().forEach(m -> select.add(DSL.sum(f.value(m))));
            for (Record r : inline.select(select).from(a.from()).where(a.forUnit(unitId)).groupBy(f.day()).fetch()) {
                Integer day = r.get(0, Integer.class);
                EnumMap<Measure, Long> today = day == null ? null : counts.get(LocalDate.ofEpochDay(day));
                for (int i = 0; today != null && i < f.measures().size(); i++) {
                    today.merge(f.measures().get(i), number(r.get(i + 1)), Long::sum);
                }
            }
        }
        if (lastEnded == null || lastEnded.isBefore(period.last())) {
            Map<Measure, Long> openNow = sum(facts.overdue(now), dimension, district, unitId, filter);
            counts.tailMap(lastEnded == null ? period.first() : lastEnded.plusDays(1))
                    .values().forEach(c -> openNow.forEach((m, v) -> c.merge(m, v, Long::sum)));
        }
        SortedMap<LocalDate, KpiSheet> days = new TreeMap<>();
        counts.forEach((d, c) -> days.put(d, new KpiSheet(dimension, unitId, name, c)));
        return days;
    }

    @Override
    public List<Long> ticketsBehind(Period period, UnitDimension dimension, String unitId, Measure measure, KpiFilter filter) {
        unitName(dimension, unitId);
        Measure counted = measure == Measure.HANDLING_WORK_MINUTES ? Measure.HANDLED_TIMED : measure;
        Facts f = facts.all(period, asOf(period)).stream().filter(x -> x.has(counted)).findFirst().orElseThrow();
        Attribution a = Attribution.of(f, dimension, names.district().getKey(), filter);
        Field<Long> id = Attribution.T.ID;
        return dsl.selectDistinct(id).from(a.from()).where(a.forUnit(unitId)).and(f.value(counted).gt(0L))
                .orderBy(id.desc()).fetch(id);
    }

    @Override
    public List<Long> ticketsMissing(Period period, UnitDimension dimension, String unitId, Rate rate, KpiFilter filter) {
        Set<Long> counted = Set.copyOf(ticketsBehind(period, dimension, unitId, rate.numerator(), filter));
        return ticketsBehind(period, dimension, unitId, rate.denominator(), filter).stream()
                .filter(id -> !counted.contains(id)).toList();
    }

    /// Open work is looked at the end of the period, or now when the period has not ended.
    private Instant asOf(Period period) {
        Instant now = clock.instant();
        return now.isBefore(period.end()) ? now : period.end();
    }

    private String unitName(UnitDimension dimension, String unitId) {
        String name = names.of(dimension).get(unitId);
        if (name == null && dimension == UnitDimension.CENTRE) {
            name = names.centreName(unitId);
            if (name.equals(unitId)) {
                name = null;
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("没有这个" + dimension.zhName() + ": " + unitId);
        }
        return name;
    }

    static long number(Object value) {
        return switch (value) {
            case null -> 0L;
            case BigDecimal b -> b.longValueExact();
            case Number n -> n.longValue();
            default -> Long.parseLong(value.toString());
        };
    }
}
