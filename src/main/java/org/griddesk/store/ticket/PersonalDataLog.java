package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.PERSONAL_DATA_ACCESS;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.griddesk.domain.org.Actor;
import org.griddesk.security.Session;
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

    /// Records, in the transaction `tx` of the reveal, that the session's person saw a ticket's caller
    /// (`ticketId`) or a must-visit household (`householdId`) unmasked, and why.
    public static void recordReveal(DSLContext tx, Long ticketId, String householdId, Session session, String reason,
                                    Instant at) {
        tx.insertInto(PERSONAL_DATA_ACCESS).set(PERSONAL_DATA_ACCESS.TICKET_ID, ticketId)
                .set(PERSONAL_DATA_ACCESS.HOUSEHOLD_ID, householdId).set(PERSONAL_DATA_ACCESS.ACTOR_ID, session.accountId())
                .set(PERSONAL_DATA_ACCESS.ACTOR_UNIT, session.unitId()).set(PERSONAL_DATA_ACCESS.REASON, reason)
                .set(PERSONAL_DATA_ACCESS.ACCESSED_AT, at.atOffset(ZoneOffset.UTC)).execute();
    }

    /// The reasons given for the reveals of a ticket's caller, oldest first.
    public List<String> reasons(long ticketId) {
        return dsl.select(PERSONAL_DATA_ACCESS.REASON).from(PERSONAL_DATA_ACCESS).where(PERSONAL_DATA_ACCESS.TICKET_ID.eq(ticketId))
                .orderBy(PERSONAL_DATA_ACCESS.ID).fetch(PERSONAL_DATA_ACCESS.REASON);
    }

    /// How many times the household was revealed.
    public int householdReveals(String householdId) {
        return dsl.fetchCount(PERSONAL_DATA_ACCESS, PERSONAL_DATA_ACCESS.HOUSEHOLD_ID.eq(householdId));
    }

    /// How many times the ticket's citizen was revealed (for audits and tests).
    public int reveals(long ticketId) {
        return dsl.fetchCount(PERSONAL_DATA_ACCESS, PERSONAL_DATA_ACCESS.TICKET_ID.eq(ticketId));
    }
}
