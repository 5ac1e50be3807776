package org.griddesk.desk.admin;

import static org.griddesk.desk.admin.AdminScreens.fx;
import static org.griddesk.desk.admin.AdminScreens.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.OrganisationAdministration;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// The system administrator's organisation tab on the real layout: the units listed with their
/// parents' names and masked phones, narrowed by the filter; a picked unit renamed through the
/// service with the administrator's session; a removal the service refuses comes back in words,
/// marked, and the table stays as it was.
class OrganisationScreenTest {
    private static final FxTaskExecutor executor = new FxTaskExecutor(1);

    /// Keeps units in a list; refuses whoever may not manage the organisation, and removing a unit
    /// with teams under it, as the real service does.
    static final class ScriptedOrganisation implements OrganisationAdministration {
        final List<UnitEntry> units = new ArrayList<>(List.of(
                new UnitEntry(new Unit("JN", "津南区网格化管理中心", UnitLevel.DISTRICT, UnitKind.CENTRE, null), null, null, null),
                new UnitEntry(new Unit("XSG", "咸水沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN"), null, "王主任",
                        "13800138000"),
                new UnitEntry(new Unit("XSG-CG", "咸水沽镇城管中队", UnitLevel.STREET, UnitKind.TEAM, "XSG"), "CG", null, null)));
        final List<String> calls = new ArrayList<>();

        private void need(Session by) {
            if (!by.may(Permission.ORGANISATION_MANAGE)) {
                throw new AccountRefused("admin.notPermitted");
            }
        }

        @Override
        public synchronized List<UnitEntry> units(Session by) {
            need(by);
            return List.copyOf(units);
        }

        @Override
        public List<TeamType> unitTeamTypes(Session by) {
            need(by);
            return List.of(new TeamType("CG", UnitLevel.STREET, "城管中队"));
        }

        @Override
        public void addUnit(Session by, NewUnit unit) {
            calls.add("add " + unit.id());
            need(by);
        }

        @Override
        public synchronized void renameUnit(Session by, String unitId, String name) {
            calls.add("rename " + by.username() + " " + unitId + " " + name);
            need(by);
            units.replaceAll(e -> e.unit().id().equals(unitId) ? new UnitEntry(new Unit(unitId, name.strip(), e.unit().level(),
                    e.unit().kind(), e.unit().parentId()), e.teamTypeCode(), e.contactName(), e.contactPhone()) : e);
        }

        @Override
        public void changeContact(Session by, String unitId, String name, String phone) {
            calls.add("contact " + unitId);
            need(by);
        }

        @Override
        public void changeTeamType(Session by, String unitId, String teamTypeCode) {
            calls.add("type " + unitId);
            need(by);
        }

        @Override
        public void removeUnit(Session by, String unitId) {
            calls.add("remove " + unitId);
            need(by);
            throw new AccountRefused("admin.district.org.inUse", "咸水沽镇网格化管理中心", 3, 0, 1, 0);
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

    private static Session session() {
        return new Session("A-1", "sysadmin", "系统管理员", "JN", Set.of(Role.SYSTEM_ADMIN), Instant.now(),
                new Workstation("desk-01", "10.0.0.1"));
    }

    @Test
    void aPickedUnitIsRenamedAndARefusedRemovalIsSaidInWords() throws Exception {
        ScriptedOrganisation service = new ScriptedOrganisation();
        OrganisationViewModel model = new OrganisationViewModel(executor, SecurityTexts.of(Language.ZH_CN), service, OrganisationScreenTest::session);
        Stage stage = show(model);
        @SuppressWarnings("unchecked")
        TableView<UnitEntry> table = lookup(stage, "#unitsTable", TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size()) == 3);
        assertThat(fx(() -> cell(table, 1, 4))).as("the parent by name").isEqualTo("津南区网格化管理中心");
        assertThat(fx(() -> cell(table, 1, 7))).as("the phone masked").isEqualTo("138****8000");
        assertThat(fx(() -> cell(table, 2, 5))).isEqualTo("CG 城管中队");

        fx(() -> {
            lookup(stage, "#unitFilter", TextField.class).setText("城管");
            return null;
        });
        assertThat(fx(() -> table.getItems().size())).isEqualTo(1);
        fx(() -> {
            lookup(stage, "#unitFilter", TextField.class).setText("");
            table.getSelectionModel().select(1);
            return null;
        });
        assertThat(fx(() -> lookup(stage, "#unitName", TextField.class).getText())).isEqualTo("咸水沽镇网格化管理中心");
        assertThat(fx(() -> lookup(stage, "#contactName", TextField.class).getText())).isEqualTo("王主任");
        assertThat(fx(() -> lookup(stage, "#contactPhone", TextField.class).getText())).as("never shown whole").isEmpty();

        fx(() -> {
            lookup(stage, "#unitName", TextField.class).setText("咸水沽镇网格化服务中心");
            lookup(stage, "#renameUnit", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> cell(table, 1, 1)).equals("咸水沽镇网格化服务中心"));
        assertThat(service.calls).containsExactly("rename sysadmin XSG 咸水沽镇网格化服务中心");
        Label message = lookup(stage, "#unitsMessage", Label.class);
        assertThat(fx(message::getText)).isEqualTo("已将 XSG 改名为“咸水沽镇网格化服务中心”。");
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().unit().id())).as("still picked").isEqualTo("XSG");

        fx(() -> {
            lookup(stage, "#removeUnit", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(message::getText).startsWith("“咸水沽镇"));
        assertThat(fx(message::getText)).isEqualTo("“咸水沽镇网格化管理中心”仍被引用，不能删除：工单 3 件、账户 0 个、下级单位 1 个、接入密钥 0 个。");
        assertThat(fx(() -> message.getPseudoClassStates().toString())).contains("refused");
        assertThat(fx(() -> table.getItems().size())).isEqualTo(3);
        fx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void aDispatchersSessionIsRefusedByTheServiceAndNothingChanges() throws Exception {
        ScriptedOrganisation service = new ScriptedOrganisation();
        Session dispatcher = new Session("A-2", "li", "李", "JN", Set.of(Role.DISPATCHER), Instant.now(), new Workstation(null, null));
        OrganisationViewModel model = new OrganisationViewModel(executor, SecurityTexts.of(Language.ZH_CN), service, () -> dispatcher);
        fx(() -> {
            model.refresh();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !model.messageProperty().get().isEmpty()));
        assertThat(fx(() -> model.messageProperty().get())).isEqualTo("当前账号无权执行此项管理操作。");
        assertThat(fx(() -> model.units().isEmpty())).isTrue();
    }

    private static String cell(TableView<UnitEntry> table, int row, int column) {
        return String.valueOf(table.getColumns().get(column).getCellData(row));
    }

    private static Stage show(OrganisationViewModel model) throws Exception {
        return AdminScreens.show(() -> new OrganisationScreen(model, SecurityTexts.of(Language.ZH_CN)), OrganisationScreen::node,
                OrganisationScreen::refresh, 1200, 760);
    }

}
