package org.griddesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.griddesk.domain.ticket.HistoryQuery;

/// Makes a Lucene query of a [HistoryQuery] by hand, never through a query parser: people's text is
/// only ever analysed into words (quotes, wildcards, `OR 1=1` are words or nothing, never syntax),
/// at most [#MAX_WORDS] of them; codes, categories, channels, units and states are exact terms;
/// the phone and the name are their blind indexes.
final class HistoryQueries {
    /// words of one text taken at most: more say nothing more and only cost
    static final int MAX_WORDS = 12;
    /// what the free text box takes for a ticket code, and for a phone number
    static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{2,6}[-－][0-9]{2,6}");
    /// a code without its dash: the month's four digits, then the number (`26112285`)
    static final Pattern UNDASHED_CODE = Pattern.compile("[0-9]{8,10}");
    static final Pattern PHONE = Pattern.compile("\\+?[\\d ()\\-]{7,24}");

    private final Analyzer analyzer;

    HistoryQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /// @param phoneIndex the blind index of a phone as this store makes it (null: cannot be found)
    /// @param nameIndex  the same for a name
    Query of(HistoryQuery q, SearchScope scope, UnaryOperator<String> phoneIndex, UnaryOperator<String> nameIndex) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean scored = false;
        if (q.text() != null) {
            String text = q.text();
            if (CODE.matcher(text).matches()) {
                b.add(term(TicketDocuments.CODE, TicketDocuments.normaliseCode(text)), Occur.MUST);
            } else if (UNDASHED_CODE.matcher(text).matches()) {
                // `26112285`: a code typed without its dash, or an 8-digit landline — either
                b.add(new BooleanQuery.Builder()
                        .add(term(TicketDocuments.CODE, text.substring(0, 4) + "-" + text.substring(4)), Occur.SHOULD)
                        .add(blind(phoneIndex.apply(text), TicketDocuments.PHONE), Occur.SHOULD).build(), Occur.MUST);
            } else if (PHONE.matcher(text).matches() && text.chars().filter(Character::isDigit).count() >= 7) {
                b.add(blind(phoneIndex.apply(text), TicketDocuments.PHONE), Occur.MUST);
            } else {
                b.add(words(text, true), Occur.MUST);
                scored = true;
            }
        }
        if (q.code() != null) {
            b.add(term(TicketDocuments.CODE, TicketDocuments.normaliseCode(q.code())), Occur.FILTER);
        }
        if (q.phone() != null) {
            b.add(blind(phoneIndex.apply(q.phone()), TicketDocuments.PHONE), Occur.FILTER);
        }
        if (q.name() != null) {
            b.add(blind(nameIndex.apply(q.name()), TicketDocuments.NAME), Occur.FILTER);
        }
        if (q.address() != null) {
            b.add(words(q.address(), false), Occur.MUST);
            scored = true;
        }
        filter(b, TicketDocuments.CATEGORY, q.category());
        filter(b, TicketDocuments.CHANNEL, q.channel() == null ? null : q.channel().name());
        filter(b, TicketDocuments.UNIT, q.unitId());
        filter(b, TicketDocuments.STATE, q.state() == null ? null : q.state().name());
        if (q.from() != null || q.to() != null) {
            b.add(reportedBetween(q.from(), q.to()), Occur.FILTER);
        }
        if (!scope.everyOwner()) {
            b.add(scope.owners().isEmpty() ? new MatchNoDocsQuery("outside the viewer's scope")
                    : new TermInSetQuery(TicketDocuments.OWNER, scope.owners().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (!scored) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    static Query reportedBetween(Instant from, Instant to) {
        long lower = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long upper = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
        return LongPoint.newRangeQuery(TicketDocuments.REPORTED, lower, upper);
    }

    static Sort sort(HistoryQuery.Order order) {
        SortField newest = new SortField(TicketDocuments.REPORTED, SortField.Type.LONG, true);
        SortField byId = new SortField(TicketDocuments.ID_SORT, SortField.Type.LONG, true);
        return order == HistoryQuery.Order.NEWEST ? new Sort(newest, byId) : new Sort(SortField.FIELD_SCORE, newest, byId);
    }

    /// Every word of the text must be found: in the content or the address (`inContent`, the
    /// content counting double), or in the address alone. Text with no words finds nothing.
    private Query words(String text, boolean inContent) {
        List<String> words = analyse(inContent ? TicketDocuments.CONTENT : TicketDocuments.ADDRESS, text);
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no words");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : words) {
            if (inContent) {
                all.add(new BooleanQuery.Builder()
                        .add(new BoostQuery(new TermQuery(new Term(TicketDocuments.CONTENT, w)), 2f), Occur.SHOULD)
                        .add(new TermQuery(new Term(TicketDocuments.ADDRESS, w)), Occur.SHOULD).build(), Occur.MUST);
            } else {
                all.add(new TermQuery(new Term(TicketDocuments.ADDRESS, w)), Occur.MUST);
            }
        }
        return all.build();
    }

    /// The distinct words the analyser makes of the text, at most [#MAX_WORDS].
    List<String> analyse(String field, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < MAX_WORDS) {
                String w = term.toString();
                if (!w.isBlank() && !words.contains(w)) {
                    words.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static Query blind(String index, String field) {
        return index == null ? new MatchNoDocsQuery("no blind index") : term(field, index);
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null) {
            b.add(term(field, value), Occur.FILTER);
        }
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
