package org.griddesk.app;

import java.lang.management.ManagementFactory;

/// Measures start-up from the moment the JVM was started.
final class StartupClock {
    private StartupClock() {
    }

    /// JVM start, in epoch milliseconds.
    static long jvmStart() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
