package org.griddesk.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.griddesk.ui.SystemOpener;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/// What a test's desk hands to the system's program (`@RegisterExtension`): recorded instead of
/// opened, and forgotten after each test.
public final class OpenedBySystem implements BeforeEachCallback, AfterEachCallback {
    private final List<String> opened = new CopyOnWriteArrayList<>();

    /// the addresses handed over so far, oldest first
    public List<String> opened() {
        return opened;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        opened.clear();
        SystemOpener.install(opened::add);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SystemOpener.install(uri -> { });
    }
}
