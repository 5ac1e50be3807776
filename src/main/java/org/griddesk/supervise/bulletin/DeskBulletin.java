package org.griddesk.supervise.bulletin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Session;

/// A bulletin made from the desk for a signed-in person: allowed to those who may read the assessment
/// (ASSESSMENT_READ), the file checked before anything is computed, and recorded (REPORT_MADE) in the
/// audit log with who made it and where it went. Blocks: never on the FX thread.
public final class DeskBulletin {
    private final BulletinMaker maker;
    private final AuditSink audit;
    private final Clock clock;

    public DeskBulletin(BulletinMaker maker, AuditSink audit, Clock clock) {
        this.maker = maker;
        this.audit = audit;
        this.clock = clock;
    }

    /// Thrown when the person may not make the bulletin (recorded as refused).
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /// Makes and writes the bulletin of `period` to `file` (.pdf or .xlsx).
    ///
    /// @throws IllegalArgumentException when the file cannot be written (the reason in words), before computing
    /// @throws Refused when `by` may not read the assessment
    public Bulletin make(Session by, Period period, Path file) throws IOException {
        String target = "考评专报 " + period.label();
        if (!by.may(Permission.ASSESSMENT_READ)) {
            audit.record(entry(by, target, AuditOutcome.REFUSED, "missing " + Permission.ASSESSMENT_READ));
            throw new Refused("没有查看考评的权限，不能生成考评专报");
        }
        BulletinFile.Format format = BulletinFile.check(file);
        Bulletin bulletin = maker.make(period);
        BulletinFile.write(bulletin, file);
        audit.record(entry(by, target, AuditOutcome.SUCCESS, format + " written to " + file.toAbsolutePath()));
        return bulletin;
    }

    private AuditEntry entry(Session by, String target, AuditOutcome outcome, String detail) {
        return new AuditEntry(clock.instant(), by.accountId(), by.displayName(), by.from(), AuditAction.REPORT_MADE, target, outcome,
                detail);
    }
}
