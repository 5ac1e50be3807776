package org.griddesk.desk.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.security.AuditLog;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Theme;

/// The audit viewer on a store of plausible records, to look at (`../shared/tools/screenshot`):
/// `java -cp … org.griddesk.desk.audit.AuditViewerStill$Launch [dark|light]`.
public final class AuditViewerStill extends Application {
    private static final String[][] PEOPLE = {{"u-xsg-01", "王调度"}, {"u-xsg-02", "陈调度"}, {"u-xsg-09", "李值班长"},
        {"u-gg-01", "赵调度"}, {"u-sys", "郑系统"}, {"u-sec", "吴安全"}};
    private static final Workstation[] DESKS = {new Workstation("xsg-desk-01", "10.12.0.31"), new Workstation("xsg-desk-03", "10.12.0.33"),
        new Workstation("gg-desk-02", "10.12.1.22"), new Workstation("jn-admin-01", "10.12.0.80")};

    /// The entry point (a class that is no Application, so that the class path is enough).
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(AuditViewerStill.class, args);
        }
    }

    @Override
    public void start(Stage primary) throws Exception {
        boolean dark = !getParameters().getRaw().contains("light");
        Application.setUserAgentStylesheet((dark ? Theme.DARK : Theme.LIGHT).userAgentStylesheet());
        Path folder = Files.createTempDirectory("audit-still");
        Database db = Database.open(DatabaseSettings.embeddedH2(folder), ThreadGuard.NONE);
        db.migrate();
        AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
        Instant t = Instant.parse("2026-11-30T00:30:00Z");
        AuditAction[] actions = {AuditAction.SIGN_IN, AuditAction.PERSONAL_DATA_REVEALED, AuditAction.EXPORTED, AuditAction.SIGN_OUT,
            AuditAction.SIGN_IN_FAILED, AuditAction.DESK_LOCKED, AuditAction.DESK_UNLOCKED, AuditAction.REPORT_MADE};
        for (int i = 0; i < 180; i++) {
            String[] who = PEOPLE[i % 4];
            AuditAction action = actions[(i * 7) % actions.length];
            AuditOutcome outcome = action == AuditAction.SIGN_IN_FAILED ? AuditOutcome.REFUSED : AuditOutcome.SUCCESS;
            String target = switch (action) {
                case PERSONAL_DATA_REVEALED -> "2611-%04d".formatted(300 + i);
                case EXPORTED, REPORT_MADE -> "工单清单-2026-11.xlsx";
                default -> who[0];
            };
            String detail = switch (action) {
                case PERSONAL_DATA_REVEALED -> "事由：回访核实联系方式";
                case SIGN_IN_FAILED -> "口令错误（第 " + (1 + i % 4) + " 次）";
                case EXPORTED -> "导出 " + (40 + i) + " 件";
                default -> "";
            };
            log.record(new AuditEntry(t, who[0], who[1], DESKS[i % 3], action, target, outcome, detail));
            t = t.plus(Duration.ofMinutes(11 + i % 17));
        }
        log.record(new AuditEntry(t, "u-sec", "吴安全", DESKS[3], AuditAction.ROLES_CHANGED, "u-xsg-02", AuditOutcome.SUCCESS,
                "DISPATCHER → DISPATCHER, SUPERVISOR"));
        log.record(new AuditEntry(t.plusSeconds(40), "u-sys", "郑系统", DESKS[3], AuditAction.ROLES_CHANGED, "u-xsg-02",
                AuditOutcome.REFUSED, "missing ROLE_ASSIGN"));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        Stage stage = AuditViewer.open(null, log, AuditFixture.auditAdmin(db.dsl()), Language.ZH_CN, executor);
        stage.setMaximized(true);
        stage.setOnHidden(e -> {
            executor.close();
            db.close();
            Platform.exit();
        });
    }
}
