package org.griddesk.desk.admin;

import static org.griddesk.desk.admin.AdminScreens.fx;
import static org.griddesk.desk.admin.AdminScreens.lookup;
import static org.griddesk.desk.admin.AdminScreens.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AlarmKindAdministration;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// The system administrator's alarm-kind tab: a kind typed and an item chosen are mapped by the
/// service (with the administrator's session) and listed; picking a row fills the form and removes
/// it; a refusal comes back in words, marked, and the table stays as it was.
class AlarmKindsScreenTest {
    private static final FxTaskExecutor executor = new FxTaskExecutor(1);
    private static final ItemChoice STALLS = new ItemChoice("04-03-001", "流动摊贩占道");
    private static final ItemChoice LITTER = new ItemChoice("02-01-004", "暴露垃圾");

    private record ItemChoice(String code, String name) {
        AlarmKindAdministration.ItemChoice choice() {
            return new AlarmKindAdministration.ItemChoice(code, name);
        }
    }

    /// Keeps the table in a map; refuses whoever may not manage the configuration, as the real service does.
    static final class ScriptedKinds implements AlarmKindAdministration {
        final Map<String, String> mapped = new TreeMap<>();
        final List<String> calls = new ArrayList<>();

        private void need(Session by) {
            if (!by.may(Permission.CONFIGURATION_MANAGE)) {
                throw new AccountRefused("admin.notPermitted");
            }
        }

        @Override
        public List<AlarmKind> alarmKinds(Session by) {
            need(by);
            return mapped.entrySet().stream().map(e -> new AlarmKind(e.getKey(), e.getValue(),
                    e.getValue().equals(STALLS.code()) ? STALLS.name() : LITTER.name())).toList();
        }

        @Override
        public List<AlarmKindAdministration.ItemChoice> alarmKindItems(Session by) {
            need(by);
            return List.of(LITTER.choice(), STALLS.choice());
        }

        @Override
        public void mapAlarmKind(Session by, String kind, String itemCode) {
            calls.add("map " + by.username() + " " + kind + " " + itemCode);
            need(by);
            mapped.put(kind, itemCode);
        }

        @Override
        public void unmapAlarmKind(Session by, String kind) {
            calls.add("unmap " + by.username() + " " + kind);
            need(by);
            if (mapped.remove(kind) == null) {
                throw new AccountRefused("alarmKind.notMapped", kind);
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
    void aKindIsMappedListedChangedAndRemoved() throws Exception {
        ScriptedKinds kinds = new ScriptedKinds();
        AlarmKindsViewModel model = new AlarmKindsViewModel(executor, SecurityTexts.of(Language.ZH_CN), kinds,
                () -> session(Role.SYSTEM_ADMIN));
        Stage stage = show(model);
        var table = lookup(stage, "#kindsTable", TableView.class);
        @SuppressWarnings("unchecked")
        SearchableComboBox<AlarmKindAdministration.ItemChoice> item = lookup(stage, "#itemChoice", SearchableComboBox.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !model.items().isEmpty());
        assertThat(fx(() -> table.getPlaceholder() instanceof Label l ? l.getText() : "")).contains("尚无映射");

        fx(() -> {
            lookup(stage, "#kindField", TextField.class).setText("占道经营");
            item.setValue(model.items().get(1));
            lookup(stage, "#mapKind", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size()) == 1);
        assertThat(kinds.calls).containsExactly("map sysadmin 占道经营 04-03-001");
        assertThat(fx(() -> lookup(stage, "#kindsMessage", Label.class).getText())).isEqualTo("已将“占道经营”对应到事项 04-03-001 流动摊贩占道。");

        // a picked row fills the form; another item and 保存 change it
        fx(() -> {
            table.getSelectionModel().select(0);
            return null;
        });
        assertThat(fx(() -> lookup(stage, "#kindField", TextField.class).getText())).isEqualTo("占道经营");
        assertThat(fx(item::getValue)).isEqualTo(STALLS.choice());
        fx(() -> {
            item.setValue(LITTER.choice());
            lookup(stage, "#mapKind", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> kinds.mapped.getOrDefault("占道经营", "").equals(LITTER.code()));

        fx(() -> {
            table.getSelectionModel().select(0);
            lookup(stage, "#unmapKind", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> table.getItems().isEmpty()));
        assertThat(kinds.mapped).isEmpty();
        assertThat(fx(() -> lookup(stage, "#unmapKind", Button.class).isDisabled())).as("nothing picked").isTrue();
        fx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void aMissingFieldOrARefusalIsSaidAndChangesNothing() throws Exception {
        ScriptedKinds kinds = new ScriptedKinds();
        kinds.mapped.put("占道经营", STALLS.code());
        AlarmKindsViewModel model = new AlarmKindsViewModel(executor, SecurityTexts.of(Language.ZH_CN), kinds,
                () -> session(Role.SYSTEM_ADMIN));
        Stage stage = show(model);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> model.kinds().size()) == 1);
        fx(() -> {
            lookup(stage, "#kindField", TextField.class).setText("垃圾满溢");
            lookup(stage, "#mapKind", Button.class).fire();
            return null;
        });
        assertThat(fx(() -> lookup(stage, "#kindsMessage", Label.class).getText())).isEqualTo("请填写告警类型并选择事项。");
        assertThat(fx(() -> lookup(stage, "#kindsMessage", Label.class).getPseudoClassStates().toString())).contains("refused");
        assertThat(kinds.calls).isEmpty();
        fx(() -> {
            stage.close();
            return null;
        });

        // a security administrator's session is refused by the service: the words come back, nothing changes
        AlarmKindsViewModel other = new AlarmKindsViewModel(executor, SecurityTexts.of(Language.ZH_CN), kinds,
                () -> session(Role.SECURITY_ADMIN));
        fx(() -> {
            other.kindProperty().set("垃圾满溢");
            other.itemProperty().set(LITTER.choice());
            other.map();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !other.messageProperty().get().isEmpty()));
        assertThat(fx(() -> other.messageProperty().get())).isEqualTo("当前账号无权执行此项管理操作。");
        assertThat(fx(() -> other.refusedProperty().get())).isTrue();
        assertThat(kinds.mapped).containsOnlyKeys("占道经营");
    }

    private static Stage show(AlarmKindsViewModel model) throws Exception {
        return AdminScreens.show(() -> new AlarmKindsScreen(model, SecurityTexts.of(Language.ZH_CN)), AlarmKindsScreen::node,
                AlarmKindsScreen::refresh, 1100, 600);
    }

}
