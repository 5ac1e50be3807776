package org.griddesk.store.assessment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.assessment.Measure;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Field;
import org.jooq.Row1;
import org.jooq.impl.DSL;

/// [Facts] of a period turned into facts per day: each measure counts on the Beijing day of its own
/// time (a ticket's acceptance, contact and close; a whistle's summons and check-in). When a kind
/// has several times, each row is taken once per time (joined to a small list 0..n-1) and each copy
/// keeps only the measures of its time, so one grouped query gives every day.
final class ByDay {
    private ByDay() {
    }

    /// @param times each time of the kind → the measures it puts on its day (every measure once)
    static Facts split(Facts f, Map<Field<OffsetDateTime>, List<Measure>> times) {
        Set<Measure> covered = new HashSet<>();
        times.values().forEach(covered::addAll);
        if (!covered.equals(new HashSet<>(f.measures())) || times.values().stream().mapToInt(List::size).sum() != covered.size()) {
            throw new IllegalStateException("every measure needs exactly one time: " + times + " for " + f.measures());
        }
        List<Field<OffsetDateTime>> moments = new ArrayList<>(times.keySet());
        if (moments.size() == 1) {
            return new Facts(f.from(), f.where(), f.team(), f.values(), FactQueries.dayOf(moments.getFirst()));
        }
        List<Row1<Integer>> rows = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            rows.add(DSL.row(DSL.inline(i)));
        }
        @SuppressWarnings("unchecked")
        var copies = DSL.values(rows.toArray(Row1[]::new)).as("kc", "copy");
        Field<Integer> copy = copies.field("copy", Integer.class);
        CaseValueStep<Integer> byCopy = DSL.choose(copy);
        CaseWhenStep<Integer, Integer> day = null;
        Map<Measure, Field<Long>> values = new EnumMap<>(Measure.class);
        for (int i = 0; i < moments.size(); i++) {
            Field<Integer> dayOf = FactQueries.dayOf(moments.get(i));
            day = day == null ? byCopy.when(DSL.inline(i), dayOf) : day.when(DSL.inline(i), dayOf);
            for (Measure m : times.get(moments.get(i))) {
                values.put(m, DSL.when(copy.eq(DSL.inline(i)), f.value(m)).otherwise(DSL.inline(0L)));
            }
        }
        return new Facts(f.from().leftJoin(copies).on(DSL.trueCondition()), f.where(), f.team(), values,
                day.otherwise(DSL.inline((Integer) null)));
    }
}
