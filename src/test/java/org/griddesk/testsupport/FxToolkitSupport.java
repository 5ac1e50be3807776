package org.griddesk.testsupport;

import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;

/// Starts the JavaFX toolkit once per test JVM (headless Monocle, from the surefire flags).
public final class FxToolkitSupport {
    private FxToolkitSupport() {
    }

    public static void start() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    /// Closes every window a test opened (all but the toolkit's primary stage): a window left showing
    /// stays in the next test's lookups, and one larger than the headless screen breaks its drawing.
    public static void closeWindows() throws TimeoutException {
        FxToolkit.cleanupStages();
    }
}
