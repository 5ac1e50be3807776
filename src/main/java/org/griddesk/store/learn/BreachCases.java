package org.griddesk.store.learn;

import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.learn.BreachCase;
import org.griddesk.store.ticket.TicketRepository;
import org.jooq.DSLContext;

/// The dispatched tickets a breach-risk model learns from, from the store: each ticket's item, owning
/// centre, channel, the start of its time and its deadline from its row, its dispatches, handling,
/// urges and returns from its trail. Nothing about the caller is read (the trail keeps callers masked
/// and they are not looked at).
public final class BreachCases {
    /// trails read this many tickets at a time
    private static final int SLICE = 2_000;

    private final DSLContext dsl;

    public BreachCases(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// Every ticket ever dispatched with a deadline (not a consultation), in id order.
    public List<BreachCase> all() {
        Map<Long, BreachCase.Known> known = new HashMap<>();
        dsl.select(TICKET.ID, TICKET.ITEM_CODE, TICKET.OWNER_UNIT, TICKET.CHANNEL, TICKET.ACCEPTED_AT, TICKET.REPORTED_AT, TICKET.DUE_AT)
                .from(TICKET)
                .where(TICKET.DUE_AT.isNotNull(), TICKET.ITEM_CODE.isNotNull(), TICKET.CONSULTATION.isFalse())
                .forEach(r -> known.put(r.value1(), new BreachCase.Known(r.value1(), r.value2(), r.value3(), Channel.valueOf(r.value4()),
                        instant(r.value5() != null ? r.value5() : r.value6()), instant(r.value7()))));
        List<BreachCase> cases = new ArrayList<>();
        new TicketRepository(dsl).forEachTrail(SLICE, trail -> {
            BreachCase.Known k = known.get(trail.getFirst().ticketId());
            if (k != null) {
                BreachCase c = BreachCase.of(k, trail.stream().map(e -> new BreachCase.Step(e.at(), e.event())).toList());
                if (c != null) {
                    cases.add(c);
                }
            }
        });
        return cases;
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
