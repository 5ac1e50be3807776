package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditRetention;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.security.AuditLog;
import org.griddesk.testsupport.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk audit verify|list|export|purge` on an embedded store.
class AuditCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final String SYS = "Sys#Admin2026";
    private static final String SEC = "Sec#Admin2026";
    private static final String AUD = "Aud#Admin2026";

    @TempDir
    Path dataDir;

    /// `griddesk args…` with `input` typed at the prompts.
    private CliRun typed(String input, String... args) {
        return CliRun.typed(dataDir, input, args);
    }

    /// What a command said after its password prompt.
    private static String refusal(CliRun run) {
        return run.err().substring(run.err().indexOf('\n') + 1).strip();
    }

    private void writeRecords(int n) {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            db.migrate();
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            for (int i = 1; i <= n; i++) {
                log.record(AuditFixture.entry(T0.plus(Duration.ofMinutes(i)), "u-" + i, "坐席" + i,
                        i % 2 == 0 ? AuditAction.PERSONAL_DATA_REVEALED : AuditAction.SIGN_IN, "2611-000" + i, AuditOutcome.SUCCESS, "回访"));
            }
        }
    }

    @Test
    void verifySaysIntactOrNamesTheFirstBrokenRecord() {
        writeRecords(6);
        CliRun intact = CliRun.in(dataDir, "audit", "verify");
        assertThat(intact.code()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("哈希链完整", "6 条");

        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            db.dsl().execute("DROP TRIGGER audit_log_guard");
            db.dsl().execute("UPDATE audit_log SET actor_name = '别人' WHERE seq = 4");
        }
        CliRun broken = CliRun.in(dataDir, "audit", "verify", "--lang", "en");
        assertThat(broken.code()).isNotZero();
        assertThat(broken.err()).contains("seq 4", "2026-11-23 09:04:00", "别人 (u-4)", "does not match its hash");
    }

    @Test
    void listExportAndPurgeNeedAnAuditAdministratorSignedInWithTheirPassword() throws Exception {
        writeRecords(5);
        CliRun init = typed(String.join("\n", SYS, SYS, SEC, SEC, AUD, AUD) + "\n", "users", "init");
        assertThat(init.code()).as(init.err()).isZero();

        CliRun unknown = typed(AUD + "\n", "audit", "list", "--as", "zhou", "--lang", "en");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.out()).doesNotContain("2611-0004");
        CliRun wrongPassword = typed("Aud#Admin2025\n", "audit", "list", "--as", "auditadmin");
        assertThat(wrongPassword.code()).isNotZero();
        assertThat(refusal(wrongPassword)).as("unknown user and wrong password answer alike")
                .isEqualTo(refusal(typed("Aud#Admin2025\n", "audit", "list", "--as", "zhou"))).isNotBlank();
        CliRun notAuditor = typed(SEC + "\n", "audit", "list", "--as", "secadmin");
        assertThat(notAuditor.code()).isNotZero();
        assertThat(notAuditor.err()).contains("拒绝", "AUDIT_READ");

        CliRun listed = typed(AUD + "\n", "audit", "list", "--as", "auditadmin", "--action", "PERSONAL_DATA_REVEALED",
                "--from", "2026-11-23", "--to", "2026-11-23");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("查看个人信息", "2611-0004", "2611-0002", "xsg-desk-03/10.12.0.33", "2026-11-23 09:02:00",
                "第 1 / 1 页，共 2 条").doesNotContain("2611-0003");
        assertThat(typed(AUD + "\n", "audit", "list", "--as", "auditadmin", "--to", "2026-11-22").out()).contains("共 0 条");
        CliRun attempts = typed(AUD + "\n", "audit", "list", "--as", "auditadmin", "--action", "SIGN_IN_FAILED", "--size", "200");
        assertThat(attempts.out()).as("the failed sign-ins are in the log").contains("zhou", "signIn.unknownUser", "auditadmin", "signIn.wrongPassword").doesNotContain("secadmin");

        Path csv = dataDir.resolve("audit.csv");
        CliRun exported = typed(AUD + "\n", "audit", "export", "--as", "auditadmin", "--out", csv.toString(), "--actor", "坐席3");
        assertThat(exported.code()).as(exported.err()).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFseq,time_utc").contains("2611-0003").doesNotContain("2611-0004");

        CliRun purged = typed(AUD + "\n", "audit", "purge", "--as", "auditadmin", "--lang", "en");
        assertThat(purged.code()).as(purged.err()).isZero();
        assertThat(purged.out()).contains("Purged 0 audit records older than 180 days");
        CliRun intact = CliRun.in(dataDir, "audit", "verify");
        assertThat(intact.code()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("哈希链完整");
    }
}
