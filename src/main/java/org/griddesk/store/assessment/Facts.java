package org.griddesk.store.assessment;

import java.util.List;
import java.util.Map;
import org.griddesk.domain.assessment.Measure;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/// What one kind of record gives the measures of a period: the rows that count (`from` where
/// `where`: tickets, events, whistles or callbacks, always joined to their ticket [#TICKET]), the
/// team each row names (the event's own team, or the ticket's), and an expression per measure (0/1,
/// minutes for the handling time). The engine joins the unit tables onto `from` and sums the
/// expressions per unit: one flat query, no derived table (H2 would re-run a derived table for
/// every ticket it joins).
///
/// @param from   the record's table joined to its ticket
/// @param where  the rows of the period
/// @param team   the team a row counts for in DEPARTMENT and TEAM
/// @param values measure → its value in a row, in the order of [Measure]
/// @param day    the Beijing day number (as in `kpi_work_day.epoch_day`) a row's values count for
///               in [SqlKpiEngine#daily], or null for facts summed over the whole period
record Facts(Table<?> from, Condition where, Field<String> team, Map<Measure, Field<Long>> values, Field<Integer> day) {
    Facts(Table<?> from, Condition where, Field<String> team, Map<Measure, Field<Long>> values) {
        this(from, where, team, values, null);
    }

    /// the ticket every row belongs to, by this alias in every query
    static final org.griddesk.store.jooq.tables.Ticket TICKET = org.griddesk.store.jooq.Tables.TICKET.as("kt");

    /// 1 where the condition holds, else 0
    static Field<Long> flag(Condition condition) {
        return DSL.when(condition, DSL.inline(1L)).otherwise(DSL.inline(0L));
    }

    List<Measure> measures() {
        return List.copyOf(values.keySet());
    }

    Field<Long> value(Measure measure) {
        return values.get(measure);
    }

    boolean has(Measure measure) {
        return values.containsKey(measure);
    }
}
