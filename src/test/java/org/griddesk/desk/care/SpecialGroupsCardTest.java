package org.griddesk.desk.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.griddesk.domain.care.CareProfile;
import org.griddesk.domain.care.CareRecord;
import org.griddesk.domain.care.RiskLevel;
import org.griddesk.domain.org.Role;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.RevealRefused;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.PersonalDataService;
import org.griddesk.store.care.CareService;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.SessionAccounts;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// The special-groups card on its real layout and a real store with the demo district: a town
/// supervisor sees the grid's households highest risk first, masked; reads a household's care
/// records only with a reason (the read audited); records care through the form, and the list shows
/// the household's new standing.
class SpecialGroupsCardTest {
    private static final FxTaskExecutor executor = new FxTaskExecutor(1);

    @TempDir
    static Path dataDir;

    private static CommandCentre centre;

    @BeforeAll
    static void start() throws Exception {
        FxToolkitSupport.start();
        centre = CommandCentre.on(DatabaseSettings.embeddedH2(dataDir));
    }

    @AfterAll
    static void stop() {
        executor.close();
        centre.close();
    }

    @Test
    void aSupervisorReadsCareWithAReasonAndRecordsCareThroughTheForm() throws Exception {
        DSLContext dsl = centre.admin().dsl();
        DistrictRepository district = new DistrictRepository(dsl);
        Region grid = district.regions(RegionLevel.GRID).stream().filter(g -> !district.visitHouseholds(g.code()).isEmpty())
                .findFirst().orElseThrow();
        String town = district.region(grid.parentCode()).orElseThrow().parentCode();
        Session supervisor = SessionAccounts.registered(dsl, new Session("a-sup", "town-sup", "镇值班长", town,
                Set.of(Role.SUPERVISOR), Instant.now(), new Workstation("desk-1", "10.0.0.1")));
        List<AuditEntry> audit = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        CareService care = new CareService(dsl, new PersonalDataService(dsl, audit::add, clock), audit::add, clock);
        Messages texts = Messages.of(Language.ZH_CN, RevealRefused.BUNDLE);
        SpecialGroupsModel model = new SpecialGroupsModel(executor, care, supervisor, grid, texts);
        SpecialGroupsCard card = fx(() -> new SpecialGroupsCard(model, texts, null).show());
        Stage stage = card.stage();
        @SuppressWarnings("unchecked")
        TableView<CareProfile> table = lookup(stage, "#careHouseholds", TableView.class);
        int households = district.visitHouseholds(grid.code()).size();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size()) == households);
        assertThat(fx(() -> List.copyOf(table.getItems()))).as("highest risk first")
                .isSortedAccordingTo(java.util.Comparator.comparing(CareProfile::risk).reversed());
        CareProfile first = fx(() -> table.getItems().getFirst());
        assertThat(first.maskedName()).contains("*");

        // the notes need a reason: refused in words without one, shown and audited with one
        fx(() -> {
            table.getSelectionModel().select(0);
            lookup(stage, "#careShowHistory", Button.class).fire();
            return null;
        });
        Label message = lookup(stage, "#careMessage", Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(message::getText).equals("请填写查看事由。"));
        audit.clear();
        fx(() -> {
            lookup(stage, "#careReason", TextField.class).setText("研判重点人员");
            lookup(stage, "#careShowHistory", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(message::getText).startsWith("已显示"));
        @SuppressWarnings("unchecked")
        ListView<CareRecord> history = lookup(stage, "#careHistory", ListView.class);
        assertThat(fx(() -> history.getItems().size())).isEqualTo(first.records());
        assertThat(audit).anySatisfy(e -> assertThat(e.target()).isEqualTo("care:" + first.householdId()));

        // care recorded through the form: the household stands at the new risk, the note heads its records
        fx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<RiskLevel> risk = lookup(stage, "#careRisk", ChoiceBox.class);
            risk.setValue(RiskLevel.HIGH);
            lookup(stage, "#careGroup-KEY_PETITIONER", CheckBox.class).setSelected(true);
            lookup(stage, "#careNote", TextArea.class).setText("再次上访苗头，已联系社区调解");
            lookup(stage, "#careRecord", Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(message::getText).equals("已登记。"));
        assertThat(fx(() -> history.getItems().getFirst().note())).isEqualTo("再次上访苗头，已联系社区调解");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> table.getItems().stream()
                .filter(p -> p.householdId().equals(first.householdId())).findFirst().orElseThrow().records()) == first.records() + 1);
        CareProfile now = fx(() -> table.getItems().stream().filter(p -> p.householdId().equals(first.householdId())).findFirst()
                .orElseThrow());
        assertThat(now.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(now.groups()).contains(org.griddesk.domain.care.SpecialGroup.KEY_PETITIONER);
        fx(() -> {
            stage.close();
            return null;
        });
    }

    /// The node, looked up on the FX thread: a lookup from the test's thread while the FX thread
    /// changes the scene failed once (IndexOutOfBoundsException inside Parent.lookup)
    private static <T> T lookup(Stage stage, String id, Class<T> type) throws Exception {
        if (javafx.application.Platform.isFxApplicationThread()) {
            return type.cast(stage.getScene().lookup(id));
        }
        return fx(() -> type.cast(stage.getScene().lookup(id)));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
