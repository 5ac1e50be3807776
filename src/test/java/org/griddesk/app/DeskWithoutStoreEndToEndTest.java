package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// A desk whose database cannot be reached still opens at once and says why in the status bar; its
/// sign-in waits for the store.
class DeskWithoutStoreEndToEndTest {
    @TempDir
    static Path dataDir;

    private static final FxRobot robot = new FxRobot();
    private static RunningDesk desk;

    @BeforeAll
    static void startDesk() throws Exception {
        GlobalOptions options = new GlobalOptions();
        options.dataDir = dataDir;
        options.databaseUrl = "jdbc:postgresql://127.0.0.1:1/griddesk?connectTimeout=1";
        options.databaseUser = "desk";
        options.language = "en";
        desk = RunningDesk.start(options);
    }

    @AfterAll
    static void stopDesk() throws Exception {
        desk.stop();
    }

    @Test
    void statusBarSaysTheStoreCannotBeOpenedAndWhere() throws Exception {
        Label database = robot.lookup("#databaseLabel").queryAs(Label.class);
        assertThat(database.getText()).isEqualTo("PostgreSQL (command centre) · 127.0.0.1:1/griddesk");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#connectionLabel").queryAs(Label.class).getText().startsWith("Database: cannot be opened — "));
        // nobody can sign in without the store: the sign-in dialog waits, and the desk shows no data
        assertThat(robot.lookup("#waitingLabel").queryAs(Label.class).getText()).startsWith("Opening the database");
        assertThat(robot.lookup("#signInButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#queueRegion").tryQuery()).isEmpty();
        assertThat(robot.lookup("#signedOutPane").tryQuery()).isPresent();
    }
}
