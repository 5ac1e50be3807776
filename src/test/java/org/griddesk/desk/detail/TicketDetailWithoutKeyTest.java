package org.griddesk.desk.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.awt.image.BufferedImage;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.griddesk.desk.district.MapModelLoader;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.security.RevealRefused;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.PersonalDataService;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.SessionAccounts;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// A desk without the data key still shows the ticket: its caller is replaced by the words that
/// personal data cannot be shown here, in Chinese and English, there is no reveal to press, and a
/// reveal asked anyway is refused for that reason.
class TicketDetailWithoutKeyTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
    }

    @Test
    void theDetailSaysPersonalDataCannotBeShownOnADeskWithoutTheKey() throws Exception {
        try (CommandCentre centre = CommandCentre.on(DatabaseSettings.embeddedH2(temp))) {
            var db = centre.admin();
            long id = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC()).report(new Intake(
                    Channel.HOTLINE_8890, "8890-NK-1", "楼道灯坏了", null, Instant.now(), new Caller("欧阳振华", "13987654321")),
                    "JN-XSG", HOTLINE).after().id();

            db.usePersonalData(PersonalDataVault.none()); // the desk that did not get the key file
            DistrictRepository district = new DistrictRepository(db.dsl());
            TicketRepository tickets = new TicketRepository(db.dsl());
            var map = MapModelLoader.load(district, tickets, Instant.now()).orElseThrow();
            TicketDetailLoader loader = new TicketDetailLoader(tickets, new IntakeRepository(db.dsl()), district.taxonomy(),
                    district.organisation(), new CalendarRepository(db.dsl(), Clock.systemUTC()).workCalendar(), map);
            TicketDetailViewModel model = new TicketDetailViewModel(new CurrentThreadTaskExecutor(), Clock.systemUTC());
            PersonalDataService reveals = new PersonalDataService(db.dsl(), entry -> { }, Clock.systemUTC());
            model.useStore(loader, reveals);
            model.pick(id);

            TicketDetail shown = model.currentProperty().get();
            assertThat(shown).isNotNull();
            Caller caller = shown.ticket().intake().caller();
            assertThat(caller.readable()).isFalse();
            assertThat(TicketDetailViewModel.callerLine(caller, texts(Language.ZH_CN))).isEqualTo("个人信息无法显示：本机没有数据密钥");
            assertThat(TicketDetailViewModel.callerLine(caller, texts(Language.EN)))
                    .isEqualTo("personal data cannot be shown: this desk has no data key");
            assertThat(shown.callerCalls()).isZero();

            Session dispatcher = SessionAccounts.registered(db.dsl(), new Session("u-xsg-01", "u-xsg-01", "王调度", "JN-XSG",
                    Set.of(Role.DISPATCHER), Instant.now(), Workstation.local()));
            assertThatThrownBy(() -> reveals.revealCaller(dispatcher, id, "回访"))
                    .isInstanceOfSatisfying(RevealRefused.class, e -> assertThat(e.messageKey()).isEqualTo("reveal.refused.noKey"));

            TicketDetailView view = onFx(() -> new TicketDetailView(Messages.of(Language.ZH_CN), shown,
                    new TicketDetailView.Extras(new Label(), label -> Optional.empty(), Optional.empty())));
            staged(view);
            Label callerLabel = (Label) view.getContent().lookup("#detailCaller");
            assertThat(callerLabel.getText()).isEqualTo("个人信息无法显示：本机没有数据密钥");
            assertThat(callerLabel.getText()).doesNotContain("****");
            snapshot(view, Path.of("target/screenshots/no-key-detail.png"));
        }
    }

    private static Messages texts(Language language) {
        return Messages.of(language, RevealRefused.BUNDLE);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    /// Puts the view in a 1920x1080 scene (unless it has one) with the desk's stylesheet, laid out (so lookups find its parts).
    static void staged(Region view) throws Exception {
        onFx(() -> {
            // a dialog's pane has its dialog's scene already
            Scene scene = view.getScene() != null ? view.getScene() : new Scene(view, 1920, 1080);
            scene.getStylesheets().add(TicketDetailWithoutKeyTest.class.getResource("/css/griddesk.css").toExternalForm());
            view.applyCss();
            view.layout();
            return scene;
        });
    }

    /// The staged view as a PNG, to look at.
    static void snapshot(Region view, Path png) throws Exception {
        Files.createDirectories(png.getParent());
        WritableImage image = onFx(() -> view.getScene().snapshot(null));
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", png.toFile());
    }
}
