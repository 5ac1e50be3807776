package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// The real desk: a town supervisor finds 专线舆情 in the 督查考核 menu, the screen opens and makes
/// yesterday's digest in the background (the demo store of this test has no history: zero requests,
/// said in words).
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HotlineDigestEndToEndTest {
    @TempDir
    static Path dataDir;

    private static RunningDesk desk;

    @BeforeAll
    static void startDesk() throws Exception {
        desk = RunningDesk.startWithGatewaySignedOut(dataDir);
    }

    @AfterAll
    static void stopDesk() throws Exception {
        desk.stop();
    }

    @Test
    void aSupervisorOpensTheDigestFromTheSupervisionMenu() throws Exception {
        desk.signIn("town-supervisor");
        // the signed-in person's desk (and its menu) is put together on the FX thread after the sign-in
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> digestItem() != null);
        MenuItem item = digestItem();
        assertThat(item).as("专线舆情 in the 督查考核 menu").isNotNull();
        WaitForAsyncUtils.asyncFx(item::fire).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message() != null && message().getText().contains("来件 0 件"));
        assertThat(message().getText()).endsWith("来件 0 件，没有明显高于基线的类别、事项、词语或社区");
    }

    private static MenuItem digestItem() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Scene scene = desk.window().map().getScene();
            if (scene == null || !(scene.lookup("#menuBar") instanceof MenuBar bar)) {
                return null;
            }
            for (Menu menu : bar.getMenus()) {
                for (MenuItem i : menu.getItems()) {
                    if ("专线舆情".equals(i.getText())) {
                        return i;
                    }
                }
            }
            return null;
        }).get(60, TimeUnit.SECONDS);
    }

    private static Label message() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.getScene() != null && s.getScene().getRoot() instanceof Parent root
                    && root.lookup("#digestMessage") instanceof Label label) {
                return label;
            }
        }
        return null;
    }
}
