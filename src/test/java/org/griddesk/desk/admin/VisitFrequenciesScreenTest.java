package org.griddesk.desk.admin;

import static org.griddesk.desk.admin.AdminScreens.fx;
import static org.griddesk.desk.admin.AdminScreens.lookup;
import static org.griddesk.desk.admin.AdminScreens.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.domain.visit.VisitSchedule;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.Session;
import org.griddesk.security.VisitFrequencyAdministration;
import org.griddesk.security.Workstation;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// The system administrator's visit-frequency tab (real FXML, headless): the eight groups listed in
/// Chinese with their frequency and default; a group picked and a frequency chosen are set by the
/// service with the administrator's session, the change marked in the table; a refusal comes back
/// in words, marked, and the table stays as it was.
class VisitFrequenciesScreenTest {
    private static final FxTaskExecutor executor = new FxTaskExecutor(1);

    /// Keeps the frequencies in a map; refuses whoever may not manage the configuration, as the real service does.
    static final class ScriptedFrequencies implements VisitFrequencyAdministration {
        final Map<Category, VisitFrequency> set = new EnumMap<>(VisitSchedule.DEFAULT.frequencies());
        final List<String> calls = new ArrayList<>();

        @Override
        public List<GroupFrequency> visitFrequencies(Session by) {
            need(by);
            return Arrays.stream(Category.values()).map(g -> new GroupFrequency(g, set.get(g), VisitSchedule.DEFAULT.of(g))).toList();
        }

        @Override
        public void setVisitFrequency(Session by, Category group, VisitFrequency frequency) {
            calls.add(by.username() + " " + group + " " + frequency);
            need(by);
            set.put(group, frequency);
        }

        private static void need(Session by) {
            if (!by.may(Permission.CONFIGURATION_MANAGE)) {
                throw new AccountRefused("admin.notPermitted");
            }
        }
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    @Test
    void aGroupPickedIsSetToTheFrequencyChosenAndMarkedChanged() throws Exception {
        ScriptedFrequencies frequencies = new ScriptedFrequencies();
        VisitFrequenciesViewModel model = new VisitFrequenciesViewModel(executor, SecurityTexts.of(Language.ZH_CN), frequencies,
                () -> session(Role.SYSTEM_ADMIN));
        Stage stage = show(model);
        @SuppressWarnings("unchecked")
        TableView<VisitFrequencyAdministration.GroupFrequency> table = lookup(stage, "#groupsTable", TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size()) == 8);
        assertThat(fx(() -> table.getColumns().get(0).getCellData(2))).isEqualTo("独居老人");
        assertThat(fx(() -> table.getColumns().get(1).getCellData(2))).isEqualTo("每周一次");
        assertThat(fx(() -> lookup(stage, "#setFrequency", Button.class).isDisabled())).as("nothing picked").isTrue();

        fx(() -> {
            table.getSelectionModel().select(1); // 低保户, monthly by default
            @SuppressWarnings("unchecked")
            ComboBox<VisitFrequency> choice = lookup(stage, "#frequencyChoice", ComboBox.class);
            choice.setValue(VisitFrequency.WEEKLY);
            lookup(stage, "#setFrequency", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !fx(() -> lookup(stage, "#frequenciesMessage", Label.class).getText()).isEmpty());

        assertThat(frequencies.calls).containsExactly("sysadmin POOR WEEKLY");
        assertThat(fx(() -> lookup(stage, "#frequenciesMessage", Label.class).getText())).isEqualTo("已将“低保户”的走访频次设为每周一次。");
        assertThat(fx(() -> table.getColumns().get(1).getCellData(1))).isEqualTo("每周一次（已调整）");
        assertThat(fx(() -> table.getColumns().get(2).getCellData(1))).isEqualTo("每月一次");
        assertThat(fx(() -> lookup(stage, "#pickedGroup", Label.class).getText())).isEqualTo("低保户");
        fx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void nothingPickedOrARefusalIsSaidAndChangesNothing() throws Exception {
        ScriptedFrequencies frequencies = new ScriptedFrequencies();
        VisitFrequenciesViewModel nobodyPicked = new VisitFrequenciesViewModel(executor, SecurityTexts.of(Language.ZH_CN), frequencies,
                () -> session(Role.SYSTEM_ADMIN));
        fx(() -> {
            nobodyPicked.frequencyProperty().set(VisitFrequency.WEEKLY);
            nobodyPicked.set();
            return null;
        });
        assertThat(fx(() -> nobodyPicked.messageProperty().get())).isEqualTo("请先在表中选择一类必访对象，再选择频次。");
        assertThat(frequencies.calls).isEmpty();

        VisitFrequenciesViewModel other = new VisitFrequenciesViewModel(executor, SecurityTexts.of(Language.ZH_CN), frequencies,
                () -> session(Role.SECURITY_ADMIN));
        fx(() -> {
            other.selectedProperty().set(new VisitFrequencyAdministration.GroupFrequency(Category.POOR, VisitFrequency.MONTHLY,
                    VisitFrequency.MONTHLY));
            other.frequencyProperty().set(VisitFrequency.WEEKLY);
            other.set();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !other.messageProperty().get().isEmpty()));
        assertThat(fx(() -> other.messageProperty().get())).isEqualTo("当前账号无权执行此项管理操作。");
        assertThat(fx(() -> other.refusedProperty().get())).isTrue();
        assertThat(frequencies.set).isEqualTo(VisitSchedule.DEFAULT.frequencies());
    }

    private static Stage show(VisitFrequenciesViewModel model) throws Exception {
        return AdminScreens.show(() -> new VisitFrequenciesScreen(model, SecurityTexts.of(Language.ZH_CN)), VisitFrequenciesScreen::node,
                VisitFrequenciesScreen::refresh, 1100, 600);
    }

}
