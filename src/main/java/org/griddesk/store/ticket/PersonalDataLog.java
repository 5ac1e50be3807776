package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.PERSONAL_DATA_ACCESS;

import java.time.Clock;
import java.time.ZoneOffset;
import org.griddesk.domain.org.Actor;
import org.jooq.DSLContext;

/// The record of who saw a citizen's unmasked details (个人信息查阅记录): written before they are
/// shown, so that no reveal goes unrecorded.
public final class PersonalDataLog {
    private final DSLContext dsl;
    private final Clock clock;

    public PersonalDataLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public void recordReveal(long ticketId, Actor actor) {
        dsl.insertInto(PERSONAL_DATA_ACCESS).set(PERSONAL_DATA_ACCESS.TICKET_ID, ticketId)
                .set(PERSONAL_DATA_ACCESS.ACTOR_ID, actor.id()).set(PERSONAL_DATA_ACCESS.ACTOR_UNIT, actor.unit().id())
                .set(PERSONAL_DATA_ACCESS.ACCESSED_AT, clock.instant().atOffset(ZoneOffset.UTC)).execute();
    }

    /// How many times the ticket's citizen was revealed (for audits and tests).
    public int reveals(long ticketId) {
        return dsl.fetchCount(PERSONAL_DATA_ACCESS, PERSONAL_DATA_ACCESS.TICKET_ID.eq(ticketId));
    }
}
