package org.griddesk.supervise.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.griddesk.domain.org.Role;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.ScenePng;
import org.griddesk.testsupport.SmallVisitDistrict;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// The real 走访逾期 screen (its FXML, bundle and stylesheet) on a real store, headless: a town
/// supervisor sees the town's communities and overdue households in Chinese, declares a major event
/// (refused in words first), and a town with nothing overdue says so.
class OverdueVisitsScreenTest {
    private static final Clock CLOCK = Clock.fixed(SmallVisitDistrict.NOW, ZoneOffset.UTC);

    @TempDir
    static Path temp;

    private static Database db;
    private static FxTaskExecutor executor;

    @BeforeAll
    static void start() throws Exception {
        FxToolkitSupport.start();
        executor = new FxTaskExecutor(1);
        db = TestDatabases.freshMigrated(DatabaseKind.H2, temp);
        SmallVisitDistrict.write(db.dsl());
        db.dsl().insertInto(ORG_UNIT).set(ORG_UNIT.ID, "A3").set(ORG_UNIT.NAME, "丙镇网格化管理中心").set(ORG_UNIT.UNIT_LEVEL, "STREET")
                .set(ORG_UNIT.UNIT_KIND, "CENTRE").set(ORG_UNIT.PARENT_ID, "JN").execute();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkitSupport.closeWindows();
        executor.close();
        db.close();
    }

    private static Session session(String unit, Role role) {
        return new Session("a-" + unit, "u-" + unit, "值班长" + unit, unit, Set.of(role), Instant.EPOCH, new Workstation("desk", "10.0.0.1"));
    }

    @Test
    void aTownSupervisorSeesTheTownsOverdueVisitsAndDeclaresAMajorEvent() throws Exception {
        OverdueVisitsScreen screen = new OverdueVisitsScreen(() -> db, executor, CLOCK);
        assertThat(screen.title(Language.ZH_CN)).isEqualTo("走访逾期");
        assertThat(screen.title(Language.EN)).isEqualTo("Overdue visits");
        assertThat(screen.allowedFor(session("A1", Role.SUPERVISOR))).isTrue();
        assertThat(screen.allowedFor(session("A1", Role.DISPATCHER))).isFalse();

        Stage stage = (Stage) fx(() -> screen.open(null, session("A1", Role.SUPERVISOR), Language.ZH_CN));
        TableView<?> table = lookup(stage, "#overdueTable", TableView.class);
        TableView<?> communities = lookup(stage, "#overdueCommunities", TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size()) == 3);
        assertThat(fx(() -> communities.getItems().size())).isEqualTo(2);
        assertThat(fx(() -> lookup(stage, "#overdueHeading", Label.class).getText())).startsWith("甲镇走访逾期");
        assertThat(fx(() -> table.getColumns().stream().map(TableColumn::getText).toList()))
                .containsExactly("网格", "必访对象（户主已脱敏）", "类别", "频次", "应访截止", "逾期", "走访事由");
        assertThat(fx(() -> cell(table, 0, 1))).isEqualTo("G3-H002（王*2）");
        assertThat(fx(() -> cell(table, 0, 5))).isEqualTo("48 天");
        assertThat(fx(() -> lookup(stage, "#overdueDeclarePane", Node.class).isVisible())).isTrue();
        ScenePng.save(stage.getScene(), "overdue-visits-town");

        Label said = lookup(stage, "#overdueDeclareMessage", Label.class);
        fx(() -> {
            lookup(stage, "#overdueRegionCode", TextField.class).setText("C9");
            lookup(stage, "#overdueEventTitle", TextField.class).setText("燃气泄漏");
            lookup(stage, "#overdueDeclare", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(said::getText).startsWith("没有这个社区或网格：C9"));
        assertThat(fx(() -> said.getPseudoClassStates().stream().map(Object::toString).toList())).contains("refused");
        assertThat(fx(() -> table.getItems().size())).isEqualTo(3);

        fx(() -> {
            lookup(stage, "#overdueRegionCode", TextField.class).setText("G1");
            lookup(stage, "#overdueEventTitle", TextField.class).setText("燃气泄漏");
            lookup(stage, "#overdueDeclare", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size()) == 7);
        assertThat(fx(said::getText)).startsWith("已声明重大事件“燃气泄漏”（甲一社区第1网格）：4 户");
        assertThat(fx(() -> cell(table, 6, 6))).isEqualTo("重大事件：燃气泄漏");
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).as("the first of its visits shown").isEqualTo(3);
        ScenePng.save(stage.getScene(), "overdue-visits-declared");
        fx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void aDistrictManagerReadsWithoutTheFormAndAnEmptyTownSaysSo() throws Exception {
        OverdueVisitsScreen screen = new OverdueVisitsScreen(() -> db, executor, CLOCK);
        Stage district = (Stage) fx(() -> screen.open(null, session("JN", Role.DISTRICT_MANAGER), Language.ZH_CN));
        TableView<?> table = lookup(district, "#overdueTable", TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size()) >= 4);
        assertThat(fx(() -> lookup(district, "#overdueDeclarePane", Node.class).isVisible())).isFalse();

        Stage empty = (Stage) fx(() -> screen.open(null, session("A3", Role.SUPERVISOR), Language.ZH_CN));
        Label placeholder = (Label) lookup(empty, "#overdueTable", TableView.class).getPlaceholder();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(placeholder::getText).equals("本镇街当前没有逾期未访的必访对象。"));
        assertThat(fx(() -> lookup(empty, "#overdueTable", TableView.class).getItems().isEmpty())).isTrue();
        ScenePng.save(empty.getScene(), "overdue-visits-empty");

        Stage english = (Stage) fx(() -> screen.open(null, session("A1", Role.SUPERVISOR), Language.EN));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> lookup(english, "#overdueHeading", Label.class).getText()).startsWith("Overdue visits in 甲镇"));
        fx(() -> {
            district.close();
            empty.close();
            english.close();
            return null;
        });
    }

    private static String cell(TableView<?> table, int row, int column) {
        Object value = table.getColumns().get(column).getCellObservableValue(row).getValue();
        return value instanceof VisitLine line ? line.lateness() : String.valueOf(value);
    }

    private static <T> T lookup(Stage stage, String id, Class<T> type) {
        return type.cast(stage.getScene().lookup(id));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
