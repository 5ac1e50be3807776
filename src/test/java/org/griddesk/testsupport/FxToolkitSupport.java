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
}
