package org.griddesk.domain.ticket;

import java.time.Instant;

/// What a history search asks: every part optional (null or blank: not asked), all parts together
/// (AND). Text given by people is kept as typed; the search cleans and bounds it ([#clean]).
///
/// @param text      free text: words of the content and address, or a ticket code, or a phone
/// @param code      a ticket code (`2611-0042`)
/// @param phone     the caller's phone in any spelling (found by its blind index)
/// @param name      the caller's exact name (found by its blind index)
/// @param address   words of the address
/// @param category  a taxonomy category code
/// @param channel   the channel it came by
/// @param unitId    a centre or team that owned, accepted or handled it
/// @param state     its state now
/// @param from      reported at or after (inclusive)
/// @param to        reported before (exclusive)
/// @param order     by relevance or newest first
public record HistoryQuery(String text, String code, String phone, String name, String address, String category,
                           Channel channel, String unitId, TicketState state, Instant from, Instant to, Order order) {
    /// longest text any part keeps: beyond it a query says nothing more, and costs more
    public static final int MAX_TEXT = 100;

    public enum Order { RELEVANCE, NEWEST }

    public static final HistoryQuery EMPTY = new HistoryQuery(null, null, null, null, null, null, null, null, null, null, null,
            Order.RELEVANCE);

    public HistoryQuery {
        // full-width digits, letters and dashes (as Chinese input methods type them) read as ASCII
        text = clean(halfWidth(text));
        code = clean(halfWidth(code));
        phone = clean(halfWidth(phone));
        name = clean(name);
        address = clean(address);
        category = clean(category);
        unitId = clean(unitId);
        order = order == null ? Order.RELEVANCE : order;
    }

    public static HistoryQuery text(String text) {
        return EMPTY.withText(text);
    }

    public HistoryQuery withText(String t) {
        return new HistoryQuery(t, code, phone, name, address, category, channel, unitId, state, from, to, order);
    }

    public HistoryQuery withCode(String c) {
        return new HistoryQuery(text, c, phone, name, address, category, channel, unitId, state, from, to, order);
    }

    public HistoryQuery withPhone(String p) {
        return new HistoryQuery(text, code, p, name, address, category, channel, unitId, state, from, to, order);
    }

    public HistoryQuery withName(String n) {
        return new HistoryQuery(text, code, phone, n, address, category, channel, unitId, state, from, to, order);
    }

    public HistoryQuery withAddress(String a) {
        return new HistoryQuery(text, code, phone, name, a, category, channel, unitId, state, from, to, order);
    }

    public HistoryQuery withCategory(String c) {
        return new HistoryQuery(text, code, phone, name, address, c, channel, unitId, state, from, to, order);
    }

    public HistoryQuery withChannel(Channel c) {
        return new HistoryQuery(text, code, phone, name, address, category, c, unitId, state, from, to, order);
    }

    public HistoryQuery withUnit(String u) {
        return new HistoryQuery(text, code, phone, name, address, category, channel, u, state, from, to, order);
    }

    public HistoryQuery withState(TicketState s) {
        return new HistoryQuery(text, code, phone, name, address, category, channel, unitId, s, from, to, order);
    }

    public HistoryQuery between(Instant f, Instant t) {
        return new HistoryQuery(text, code, phone, name, address, category, channel, unitId, state, f, t, order);
    }

    public HistoryQuery ordered(Order o) {
        return new HistoryQuery(text, code, phone, name, address, category, channel, unitId, state, from, to, o);
    }

    /// true when nothing at all is asked (the search then lists nothing rather than everything)
    public boolean isEmpty() {
        return text == null && code == null && phone == null && name == null && address == null && category == null
                && channel == null && unitId == null && state == null && from == null && to == null;
    }

    /// Full-width digits, letters and punctuation as their ASCII (NFKC): `１３９` is `139`.
    private static String halfWidth(String raw) {
        return raw == null ? null : java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC);
    }

    /// Text as a search can take it: control characters and lone surrogates dropped, white space
    /// folded, at most [#MAX_TEXT] characters (never a half pair); null when nothing is left.
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_TEXT));
        boolean space = false;
        for (int i = 0; i < raw.length() && out.length() < MAX_TEXT; i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    if (out.length() + 2 > MAX_TEXT) {
                        break;
                    }
                    out.append(c).append(raw.charAt(++i));
                    space = false;
                }
                continue;
            }
            if (Character.isLowSurrogate(c) || Character.isISOControl(c) && !Character.isWhitespace(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        String s = out.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
