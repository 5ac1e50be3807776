package org.griddesk.domain.assessment;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/// Every measure of one unit over one period. Measures absent from the map are zero.
///
/// @param dimension what kind of unit
/// @param unitId    the unit's code (centre or team id, grid or community code, grid worker id; `JN` for the district)
/// @param unitName  its Chinese name
/// @param counts    measure → count (minutes for [Measure#HANDLING_WORK_MINUTES])
public record KpiSheet(UnitDimension dimension, String unitId, String unitName, Map<Measure, Long> counts) {
    public KpiSheet {
        EnumMap<Measure, Long> copy = new EnumMap<>(Measure.class);
        counts.forEach((m, v) -> {
            if (v != null && v != 0) {
                copy.put(m, v);
            }
        });
        counts = java.util.Collections.unmodifiableMap(copy);
    }

    public long count(Measure measure) {
        return counts.getOrDefault(measure, 0L);
    }

    /// numerator over denominator; empty when the denominator is zero (nothing to rate)
    public OptionalDouble rate(Rate rate) {
        long d = count(rate.denominator());
        return d == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(rate.numerator()) / d);
    }

    /// average handling time in working hours; empty when nothing was timed
    public OptionalDouble averageHandlingWorkHours() {
        long n = count(Measure.HANDLED_TIMED);
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(count(Measure.HANDLING_WORK_MINUTES) / 60.0 / n);
    }

    /// true when no measure counted anything (a period with no data shows zeros and says so)
    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
