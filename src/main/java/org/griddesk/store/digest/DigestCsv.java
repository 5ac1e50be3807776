package org.griddesk.store.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.griddesk.domain.digest.HotSpot;
import org.griddesk.domain.digest.HotlineDigest;
import org.griddesk.domain.digest.MassIncident;
import org.griddesk.domain.digest.RepeatCaller;
import org.griddesk.domain.digest.Spike;
import org.griddesk.domain.digest.TicketRef;

/// The digest as one CSV table that Excel opens as it is (UTF-8 with a byte-order mark): a row per
/// line of the digest, the section first, the tickets behind it last. Headers and section names in
/// the language of `words` (`i18n/digest`).
public final class DigestCsv {
    static final String[] COLUMNS = {"section", "key", "name", "of", "today", "baselineMean", "expected", "ratio", "pValue",
        "more", "tickets"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private DigestCsv() {
    }

    /// Writes `digest` to `out` (flushed, not closed).
    public static void write(HotlineDigest digest, OutputStream out, ResourceBundle words) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        String[] header = Arrays.stream(COLUMNS).map(c -> words.getString("digest.csv." + c)).toArray(String[]::new);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
        csv.printRecord(words.getString("digest.section.summary"), digest.day(), "", "", digest.total(), round(digest.baselineMean()),
                "", round(digest.volume()), "", "", "");
        spikes(csv, words.getString("digest.section.categories"), digest.categories());
        spikes(csv, words.getString("digest.section.items"), digest.items());
        spikes(csv, words.getString("digest.section.terms"), digest.terms());
        for (HotSpot s : digest.spots()) {
            Spike c = s.community();
            csv.printRecord(words.getString("digest.section.spots"), c.key(), safe(c.name()), safe(s.areaName()), c.today(),
                    round(c.baselineMean()), round(c.expected()), round(c.ratio()), p(c.pValue()),
                    s.grids().stream().map(g -> g.gridName() + " " + g.today()).collect(Collectors.joining("; ")), "");
        }
        for (RepeatCaller r : digest.callers()) {
            csv.printRecord(words.getString("digest.section.callers"), r.maskedPhone(), "", "", r.today(), "", "", "", "",
                    r.lastSevenDays(), codes(r.tickets()));
        }
        for (MassIncident m : digest.incidents()) {
            csv.printRecord(words.getString("digest.section.incidents"), m.subject(), safe(m.subjectName()), safe(m.placeName()),
                    m.callers(), "", "", "", "", TIME.format(m.from()) + "–" + TIME.format(m.to()), codes(m.tickets()));
        }
        csv.flush();
    }

    private static void spikes(CSVPrinter csv, String section, List<Spike> spikes) throws IOException {
        for (Spike s : spikes) {
            csv.printRecord(section, safe(s.key()), safe(s.name()), "", s.today(), round(s.baselineMean()), round(s.expected()),
                    round(s.ratio()), p(s.pValue()), "", "");
        }
    }

    private static String codes(List<TicketRef> tickets) {
        return tickets.stream().map(TicketRef::code).collect(Collectors.joining(" "));
    }

    /// A cell that a spreadsheet would take for a formula is kept as text.
    static String safe(String cell) {
        if (cell == null) {
            return "";
        }
        return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String p(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
