package org.griddesk.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/// The audit log's export: CSV (RFC 4180) in UTF-8 with a byte-order mark, so that Excel on a
/// Chinese Windows opens it as UTF-8. One row per record, oldest first, every field the chain
/// hashes (with the time in UTC exactly as hashed) plus the time in Asia/Shanghai and the action
/// and outcome in words, so that the file can be read by people and checked again by a program.
public final class AuditCsv implements AutoCloseable {
    public static final String[] HEADER = {"seq", "time_utc", "time_shanghai", "actor_id", "actor_name", "host", "address",
        "action", "action_words", "target", "outcome", "outcome_words", "detail", "prev_hash", "hash"};
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CSVPrinter printer;
    private final AuditWords words;
    private long rows;

    /// Starts the file on `out` (not closed by [#close], only flushed).
    public AuditCsv(OutputStream out, AuditWords words) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        this.words = words;
    }

    public void write(AuditRecord r) throws IOException {
        AuditEntry e = r.entry();
        printer.printRecord(r.seq(), AuditChain.stored(e.at()), LOCAL.format(e.at().atZone(SHANGHAI)), e.actorId(),
                e.actorName(), e.from().host(), e.from().address(), e.action().name(), words.action(e.action()), e.target(),
                e.outcome().name(), words.outcome(e.outcome()), e.detail(), r.prevHash(), r.hash());
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
