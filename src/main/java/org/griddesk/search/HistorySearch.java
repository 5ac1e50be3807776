package org.griddesk.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.griddesk.domain.ticket.HistoryQuery;
import org.griddesk.store.search.IndexedTicket;

/// 历史工单查询 and the caller panel's questions, answered from the [HistoryIndex] within what the
/// viewer may see ([SearchScope]). Blocking but bounded: call it off the FX thread. Starts the
/// index on first use; until it is ready every answer says [HistoryIndex.State#BUILDING].
public final class HistorySearch {
    /// results listed at most (the count says how many match in all)
    public static final int LIMIT = 200;
    /// how far back the caller panel looks
    public static final Duration CALLER_WINDOW = Duration.ofDays(90);
    /// requests the caller panel lists per kind at most
    public static final int CALLER_LIMIT = 20;

    private final HistoryIndex index;
    private final HistoryQueries queries;

    public HistorySearch(HistoryIndex index) {
        this.index = index;
        this.queries = new HistoryQueries(index.analyzer());
    }

    public HistoryIndex index() {
        return index;
    }

    /// The tickets that match, best first by the query's order, at most `limit`.
    public HistoryIndex.Hits search(HistoryQuery query, SearchScope scope, int limit) {
        index.start();
        if (query.isEmpty()) {
            return new HistoryIndex.Hits(index.state(), List.of(), 0, false);
        }
        Query lucene = queries.of(query, scope, p -> index.rows().phoneIndex(p), n -> index.rows().nameIndex(n));
        return index.search(lucene, HistoryQueries.sort(query.order()), Math.min(limit, LIMIT));
    }

    /// The same phone's and the same address's other requests, newest first, reported in the
    /// [#CALLER_WINDOW] before `now`.
    public record CallerHistory(HistoryIndex.State state, List<Long> samePhone, List<Long> sameAddress) {
        public boolean ready() {
            return state == HistoryIndex.State.READY;
        }
    }

    public CallerHistory callerHistory(long ticketId, SearchScope scope, Instant now) {
        index.start();
        if (index.state() != HistoryIndex.State.READY) {
            return new CallerHistory(index.state(), List.of(), List.of());
        }
        Optional<IndexedTicket> ticket = index.rows().byIds(List.of(ticketId)).stream().findFirst();
        if (ticket.isEmpty()) {
            return new CallerHistory(HistoryIndex.State.READY, List.of(), List.of());
        }
        IndexedTicket t = ticket.get();
        List<Long> phone = t.phoneIndex() == null ? List.of()
                : others(TicketDocuments.PHONE, t.phoneIndex(), ticketId, scope, now);
        List<Long> address = t.address() == null || TicketDocuments.normalisePlace(t.address()).isEmpty() ? List.of()
                : others(TicketDocuments.PLACE, TicketDocuments.normalisePlace(t.address()), ticketId, scope, now);
        return new CallerHistory(HistoryIndex.State.READY, phone, address);
    }

    private List<Long> others(String field, String value, long ticketId, SearchScope scope, Instant now) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(field, value)), Occur.FILTER)
                .add(HistoryQueries.reportedBetween(now.minus(CALLER_WINDOW), now.plusSeconds(1)), Occur.FILTER)
                .add(new TermQuery(TicketDocuments.idTerm(ticketId)), Occur.MUST_NOT);
        if (!scope.everyOwner()) {
            if (scope.owners().isEmpty()) {
                return List.of();
            }
            b.add(new TermInSetQuery(TicketDocuments.OWNER, scope.owners().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        return index.search(b.build(), HistoryQueries.sort(HistoryQuery.Order.NEWEST), CALLER_LIMIT).ids();
    }
}
