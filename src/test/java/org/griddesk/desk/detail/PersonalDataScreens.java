package org.griddesk.desk.detail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.griddesk.desk.district.MapModelLoader;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.security.RevealRefused;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.Theme;

/// For looking at (`../shared/tools/screenshot --size 1920x1080 … -- java -cp … PersonalDataScreens$Launcher [--dialog]`):
/// a 1920x1080 window with a ticket's detail as a desk without the data key shows it, and the
/// reveal's reason dialog over it.
public final class PersonalDataScreens extends Application {
    private TicketDetail detail;

    /// Started through this class: a main in the Application's own class is refused on the class path.
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(PersonalDataScreens.class, args);
        }
    }

    @Override
    public void init() throws Exception {
        Path dir = Files.createTempDirectory("griddesk-screens-");
        CommandCentre centre = CommandCentre.on(DatabaseSettings.embeddedH2(dir));
        var db = centre.admin();
        long id = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC()).report(new Intake(
                Channel.HOTLINE_8890, "8890-S-1", "咸水沽镇福田里 3 号楼楼道灯坏了一个星期，晚上老人上下楼看不见", "XSG-001-01",
                Instant.now(), new Caller("欧阳振华", "13987654321")), "JN-XSG", LifecycleFixture.HOTLINE).after().id();
        db.usePersonalData(PersonalDataVault.none());
        DistrictRepository district = new DistrictRepository(db.dsl());
        TicketRepository tickets = new TicketRepository(db.dsl());
        TicketDetailLoader loader = new TicketDetailLoader(tickets, new IntakeRepository(db.dsl()), district.taxonomy(),
                district.organisation(), new CalendarRepository(db.dsl(), Clock.systemUTC()).workCalendar(),
                MapModelLoader.load(district, tickets, Instant.now()).orElseThrow());
        detail = loader.load(id, Instant.now());
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(Theme.DARK.userAgentStylesheet()); // the desk's default theme
        Messages messages = Messages.of(Language.ZH_CN);
        TicketDetailView view = new TicketDetailView(messages, detail,
                new TicketDetailView.Extras(new Label(), label -> Optional.empty(), Optional.empty()));
        Scene scene = new Scene(view, 1920, 1080);
        scene.getStylesheets().add(PersonalDataScreens.class.getResource("/css/griddesk.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("GridDesk · 本机没有数据密钥");
        stage.show();
        if (getParameters().getRaw().contains("--dialog")) {
            Platform.runLater(() -> new RevealReasonDialog(Messages.of(Language.ZH_CN, RevealRefused.BUNDLE), detail.ticket().code(),
                    stage).show(reason -> { }));
        }
    }
}
