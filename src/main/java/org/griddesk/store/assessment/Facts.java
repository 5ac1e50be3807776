package org.griddesk.store.assessment;

import java.util.List;
import java.util.Locale;
import org.griddesk.domain.assessment.Measure;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/// The rows one kind of record gives the measures of a period: one row per ticket, event, whistle or
/// callback that counts, with the ticket it belongs to, the team it names itself (null: the
/// ticket's own team) and a column per measure (0/1, minutes for the handling time). The engine
/// joins these rows to the ticket and its units and sums them per unit.
///
/// @param table    the derived table (columns `ticket_id`, `team` and one per measure)
/// @param measures the measures it has columns for
record Facts(Table<?> table, List<Measure> measures) {
    static final String TICKET_ID = "ticket_id";
    static final String TEAM = "team";

    static String column(Measure measure) {
        return measure.name().toLowerCase(Locale.ROOT);
    }

    /// 1 where the condition holds, else 0
    static Field<Integer> flag(Condition condition, Measure measure) {
        return DSL.when(condition, DSL.inline(1)).otherwise(DSL.inline(0)).as(column(measure));
    }

    Field<Long> ticketId() {
        return table.field(TICKET_ID, Long.class);
    }

    Field<String> team() {
        return table.field(TEAM, String.class);
    }

    Field<Long> value(Measure measure) {
        return table.field(column(measure)).cast(Long.class);
    }

    boolean has(Measure measure) {
        return measures.contains(measure);
    }
}
