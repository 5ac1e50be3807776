package org.griddesk.desk.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditRecord;
import org.griddesk.security.AuditWords;

/// One line of the viewer's table, in words: time in Asia/Shanghai, action and outcome in the
/// desk's language.
public record AuditRow(long seq, String time, String actor, String desk, String action, String target, String outcome,
                       String detail, boolean refused) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    static String time(java.time.Instant at) {
        return TIME.format(at);
    }

    static AuditRow of(AuditRecord r, AuditWords words) {
        var e = r.entry();
        return new AuditRow(r.seq(), TIME.format(e.at()), r.actor(), e.from().host() + " / " + e.from().address(),
                words.action(e.action()), e.target(), words.outcome(e.outcome()), e.detail(), e.outcome() != AuditOutcome.SUCCESS);
    }
}
