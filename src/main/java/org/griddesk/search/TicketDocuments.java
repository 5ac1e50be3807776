package org.griddesk.search;

import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.griddesk.store.search.IndexedTicket;

/// How a ticket is written into the index: its fields and their names. Words of the content and
/// the address are analysed (SmartChinese); the rest are exact terms. Only the id is stored: a hit
/// is read from the store as the desk shows it.
final class TicketDocuments {
    static final String ID = "id";
    static final String ID_SORT = "id_sort";
    static final String CODE = "code";
    static final String CONTENT = "content";
    static final String ADDRESS = "address";
    /// the whole address, folded: "the same address" in the caller panel
    static final String PLACE = "place";
    static final String PHONE = "phone";
    static final String NAME = "name";
    static final String ITEM = "item";
    static final String CATEGORY = "category";
    static final String CHANNEL = "channel";
    static final String OWNER = "owner";
    static final String UNIT = "unit";
    static final String STATE = "state";
    static final String REPORTED = "reported";

    private TicketDocuments() {
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    static Document of(IndexedTicket t) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(t.id()), Field.Store.YES));
        d.add(new NumericDocValuesField(ID_SORT, t.id()));
        d.add(new StringField(CODE, normaliseCode(t.code()), Field.Store.NO));
        d.add(new TextField(CONTENT, t.summary() == null ? "" : t.summary(), Field.Store.NO));
        if (t.address() != null && !t.address().isBlank()) {
            d.add(new TextField(ADDRESS, t.address(), Field.Store.NO));
            d.add(new StringField(PLACE, normalisePlace(t.address()), Field.Store.NO));
        }
        exact(d, PHONE, t.phoneIndex());
        exact(d, NAME, t.nameIndex());
        exact(d, ITEM, t.itemCode());
        exact(d, CATEGORY, t.categoryCode());
        exact(d, CHANNEL, t.channel());
        exact(d, OWNER, t.ownerUnitId());
        t.units().forEach(u -> exact(d, UNIT, u));
        exact(d, STATE, t.state());
        long at = t.reportedAt().toEpochMilli();
        d.add(new LongPoint(REPORTED, at));
        d.add(new NumericDocValuesField(REPORTED, at));
        return d;
    }

    private static void exact(Document d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new StringField(field, value, Field.Store.NO));
        }
    }

    /// A code as typed (`2611-0042`, ` 2611-0042 `, `2611－0042`) as stored.
    static String normaliseCode(String code) {
        return java.text.Normalizer.normalize(code, java.text.Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    /// An address without white space and punctuation, NFKC-folded: `津南区 咸水沽镇 1号` and
    /// `津南区咸水沽镇1号` are the same place.
    static String normalisePlace(String address) {
        String nfkc = java.text.Normalizer.normalize(address, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
