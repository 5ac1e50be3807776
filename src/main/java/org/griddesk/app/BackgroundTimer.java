package org.griddesk.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/// A timer for the desk's background chores (daily backups, training): one daemon thread of the
/// lowest priority, named `griddesk:<name>`, so that the desk never waits for them.
final class BackgroundTimer {
    private BackgroundTimer() {
    }

    static ScheduledExecutorService named(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "griddesk:" + name);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }
}
