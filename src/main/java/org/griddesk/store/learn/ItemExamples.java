package org.griddesk.store.learn;

import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.learn.ItemModelTrainer.Example;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// The tickets an item model learns from: those whose item was decided, with the text that was
/// reported and the item they have now (after any correction). Only these three columns are read:
/// never the caller, the address or anything else about a person.
public final class ItemExamples {
    /// read in ranges of ids, as the history index does: one huge result would hold the whole table twice
    private static final int SPAN = 20_000;

    private final DSLContext dsl;

    public ItemExamples(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// Every ticket with an item reported before `before`, in id order.
    public List<Example> reportedBefore(Instant before) {
        List<Example> out = new ArrayList<>();
        Long top = dsl.select(DSL.max(TICKET.ID)).from(TICKET).fetchOne(0, Long.class);
        for (long from = 0; top != null && from < top; from += SPAN) {
            dsl.select(TICKET.SUMMARY, TICKET.ITEM_CODE, TICKET.REPORTED_AT).from(TICKET)
                    .where(TICKET.ID.gt(from), TICKET.ID.le(from + SPAN), TICKET.ITEM_CODE.isNotNull(),
                            TICKET.REPORTED_AT.lt(before.atOffset(ZoneOffset.UTC)))
                    .orderBy(TICKET.ID)
                    .forEach(r -> out.add(new Example(r.value1(), r.value2(), r.value3().toInstant())));
        }
        return out;
    }
}
