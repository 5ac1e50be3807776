package org.griddesk.domain.assessment;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/// Computes measures on the store (in SQL, never by loading tickets) and names the tickets behind each.
/// Implementations may block: never call them on the FX thread.
public interface KpiEngine {
    /// One sheet per unit of the dimension that has any figure in the period, plus every unit of the
    /// organisation for CENTRE and DEPARTMENT (a centre with nothing still ranks, with zeros).
    List<KpiSheet> sheets(Period period, UnitDimension dimension, KpiFilter filter);

    /// [#sheets] of every dimension at once (what a bulletin or a ranking reads): an implementation
    /// may read the period's records once for all of them.
    default Map<UnitDimension, List<KpiSheet>> everySheet(Period period, KpiFilter filter) {
        Map<UnitDimension, List<KpiSheet>> all = new EnumMap<>(UnitDimension.class);
        for (UnitDimension d : UnitDimension.values()) {
            all.put(d, sheets(period, d, filter));
        }
        return all;
    }

    /// The one unit's sheet (all zeros when nothing happened).
    KpiSheet sheet(Period period, UnitDimension dimension, String unitId, KpiFilter filter);

    /// Day by day over the period for one unit (the trends of the statistics view).
    SortedMap<LocalDate, KpiSheet> daily(Period period, UnitDimension dimension, String unitId, KpiFilter filter);

    /// The ids of the tickets a measure counted for the unit, newest first (a ticket counted twice, e.g.
    /// urged twice, appears once).
    List<Long> ticketsBehind(Period period, UnitDimension dimension, String unitId, Measure measure, KpiFilter filter);

    /// The tickets of a rate's denominator that are not in its numerator (late, missed, dissatisfied…).
    List<Long> ticketsMissing(Period period, UnitDimension dimension, String unitId, Rate rate, KpiFilter filter);
}
