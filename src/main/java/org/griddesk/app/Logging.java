package org.griddesk.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/// Points Logback at the data folder before the first logger is made.
///
/// `logback.xml` reads `griddesk.logDir` (rolling file) and `griddesk.consoleLevel` (console on
/// standard error, so that command-line output on standard out stays clean for scripts).
final class Logging {
    private Logging() {
    }

    static void init(DataFolder folder, String consoleLevel) {
        System.setProperty("griddesk.logDir", folder.logs().toString());
        System.setProperty("griddesk.consoleLevel", consoleLevel);
        // jOOQ prints a banner and tips at start unless told not to
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
