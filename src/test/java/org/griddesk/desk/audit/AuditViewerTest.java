package org.griddesk.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditRetention;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.security.AuditLog;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// The audit administrator's viewer on a real store: pages, filters typed and picked as a person
/// does, the chain's status, and a refusal for anyone else.
class AuditViewerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final FxRobot robot = new FxRobot();

    @TempDir
    Path temp;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    /// 70 sign-ins by three dispatchers, 3 reveals, 2 refused sign-ins, on 2026-11-23 and -24 (Shanghai).
    static void fill(AuditLog log) {
        for (int i = 0; i < 70; i++) {
            log.record(AuditFixture.signIn(T0.plus(Duration.ofMinutes(i)), "u-xsg-0" + (i % 3), "调度员" + (i % 3)));
        }
        for (int i = 0; i < 3; i++) {
            log.record(AuditFixture.entry(T0.plus(Duration.ofHours(3 + i)), "u-xsg-01", "调度员1", AuditAction.PERSONAL_DATA_REVEALED,
                    "2611-004" + i, AuditOutcome.SUCCESS, "回访核实联系方式"));
        }
        for (int i = 0; i < 2; i++) {
            log.record(AuditFixture.entry(T0.plus(Duration.ofDays(1)).plusSeconds(i), "zhangsan", "zhangsan", AuditAction.SIGN_IN_FAILED,
                    "zhangsan", AuditOutcome.REFUSED, "口令错误"));
        }
    }

    private static TableView<AuditRow> table() {
        return robot.lookup("#auditTable").queryTableView();
    }

    private static String pageText() {
        return robot.lookup("#auditPage").queryAs(Label.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theAuditAdministratorPagesAndFiltersRealRecords() throws Exception {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp);
             FxTaskExecutor executor = new FxTaskExecutor(1)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            fill(log);
            Stage stage = onFx(() -> AuditViewer.open(null, log, AuditFixture.auditAdmin(db.dsl()), Language.ZH_CN, executor));
            try {
                waitFor(() -> pageText().equals("第 1 / 2 页，共 75 条"));
                assertThat(table().getItems()).hasSize(50);
                AuditRow newest = table().getItems().getFirst();
                assertThat(newest.seq()).isEqualTo(75);
                assertThat(newest.time()).isEqualTo("2026-11-24 09:00:01");
                assertThat(newest.action()).isEqualTo("登录失败");
                assertThat(newest.outcome()).isEqualTo("拒绝");
                assertThat(newest.desk()).isEqualTo("xsg-desk-03 / 10.12.0.33");
                waitFor(() -> robot.lookup("#auditChain").queryAs(Label.class).getText().startsWith("哈希链完整"));

                robot.clickOn("#auditNext");
                // the first page's reading is itself a record now
                waitFor(() -> pageText().equals("第 2 / 2 页，共 76 条"));
                assertThat(table().getItems()).hasSize(26).last().extracting(AuditRow::seq).isEqualTo(1L);

                onFx(() -> {
                    robot.lookup("#auditActor").queryAs(TextField.class).setText("调度员1");
                    @SuppressWarnings("unchecked")
                    ComboBox<AuditAction> action = robot.lookup("#auditAction").queryAs(ComboBox.class);
                    action.setValue(AuditAction.PERSONAL_DATA_REVEALED);
                    return null;
                });
                robot.clickOn("#auditSearch");
                waitFor(() -> pageText().equals("第 1 / 1 页，共 3 条"));
                assertThat(table().getItems()).extracting(AuditRow::target).containsExactly("2611-0042", "2611-0041", "2611-0040");
                assertThat(table().getItems()).extracting(AuditRow::action).containsOnly("查看个人信息");

                onFx(() -> {
                    robot.lookup("#auditActor").queryAs(TextField.class).setText("");
                    robot.lookup("#auditAction").queryAs(ComboBox.class).setValue(null);
                    robot.lookup("#auditFrom").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 11, 24));
                    robot.lookup("#auditTo").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 11, 24));
                    return null;
                });
                robot.clickOn("#auditSearch");
                waitFor(() -> pageText().equals("第 1 / 1 页，共 2 条"));
                assertThat(table().getItems()).extracting(AuditRow::actor).containsOnly("zhangsan");
            } finally {
                onFx(() -> {
                    stage.close();
                    return null;
                });
            }
            assertThat(log.query(AuditFixture.auditAdmin(db.dsl()), org.griddesk.security.AuditQuery.all().withAction(AuditAction.AUDIT_READ), 0, 10)
                    .total()).as("every page the viewer read is recorded").isEqualTo(4);
        }
    }

    @Test
    void anotherRoleIsRefusedInWordsAndTheExportWritesCsv() throws Exception {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp);
             FxTaskExecutor executor = new FxTaskExecutor(1)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            fill(log);
            Stage stage = onFx(() -> AuditViewer.open(null, log, AuditFixture.session(db.dsl(), Role.SECURITY_ADMIN), Language.ZH_CN, executor));
            try {
                waitFor(() -> robot.lookup("#auditMessage").queryAs(Label.class).getText().equals("无权操作：需要审计管理员的权限 AUDIT_READ"));
                assertThat(table().getItems()).isEmpty();
            } finally {
                onFx(() -> {
                    stage.close();
                    return null;
                });
            }
            AuditViewModel model = new AuditViewModel(log, AuditFixture.auditAdmin(db.dsl()), org.griddesk.security.AuditWords.of(Language.EN),
                    new org.griddesk.ui.CurrentThreadTaskExecutor());
            model.outcomeProperty().set(AuditOutcome.REFUSED);
            model.search();
            Path file = temp.resolve("refused.csv");
            model.export(file);
            assertThat(model.messageProperty().get()).isEqualTo("Exported 3 records to refused.csv");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Failed sign-in", "Audit log read", "Refused");
        }
    }

    @Test
    void aBrokenChainIsShownWithItsFirstBrokenRecord() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            fill(log);
            AuditViewModel model = new AuditViewModel(log, AuditFixture.auditAdmin(db.dsl()), org.griddesk.security.AuditWords.of(Language.ZH_CN),
                    new org.griddesk.ui.CurrentThreadTaskExecutor());
            model.verifyChain();
            assertThat(model.chainBrokenProperty().get()).isFalse();
            assertThat(model.chainTextProperty().get()).isEqualTo("哈希链完整：已校验 75 条记录（序号 1–75）");
            db.dsl().execute("DROP TRIGGER audit_log_guard");
            db.dsl().execute("UPDATE audit_log SET target = '2611-9999' WHERE seq = 72");
            model.verifyChain();
            assertThat(model.chainBrokenProperty().get()).isTrue();
            assertThat(model.chainTextProperty().get()).isEqualTo(
                    "哈希链断裂：第一条问题记录序号 72（2026-11-23 13:00:00，调度员1 (u-xsg-01)）：记录内容与其哈希不符（记录被改动）");
        }
    }
}
