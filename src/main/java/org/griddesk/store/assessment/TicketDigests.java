package org.griddesk.store.assessment;

import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;

/// The few columns a report shows of the tickets behind a figure (codes, summaries, owners, times),
/// read by id in chunks. The summary is as stored: the report masks it before printing.
public final class TicketDigests {
    /// ids per query: well under every driver's parameter limit
    private static final int CHUNK = 500;

    private final DSLContext dsl;

    public TicketDigests(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// One ticket as a report lists it.
    ///
    /// @param finishedAt when it was handled or answered (empty while open)
    public record Digest(long id, String code, String summary, String ownerUnitId, String teamId, Instant reportedAt,
                         Instant dueAt, Instant finishedAt) {
    }

    /// The digests of `ids` (unknown ids are skipped), ordered by id.
    public List<Digest> of(List<Long> ids) {
        List<Digest> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            dsl.select(TICKET.ID, TICKET.CODE, TICKET.SUMMARY, TICKET.OWNER_UNIT, TICKET.ASSIGNED_TEAM, TICKET.REPORTED_AT,
                            TICKET.DUE_AT, TICKET.HANDLED_AT, TICKET.ANSWERED_AT)
                    .from(TICKET).where(TICKET.ID.in(chunk)).fetch()
                    .forEach(r -> out.add(new Digest(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), instant(r.value6()),
                            instant(r.value7()), instant(r.value8() != null ? r.value8() : r.value9()))));
        }
        out.sort(Comparator.comparingLong(Digest::id));
        return out;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
