package org.griddesk.ui;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Hands a document or a stream to the system's own program (a PDF reader, the video player for an
/// `rtsp://` stream, the browser for a link): the application's `HostServices.showDocument`,
/// installed once at start. Called off the FX thread: the system may take its time to start it.
/// Tests install their own to see what would open.
public final class SystemOpener {
    private static final Logger log = LoggerFactory.getLogger(SystemOpener.class);
    private static volatile Consumer<String> opener = uri -> log.info("no system opener installed: {} not opened", uri);

    private SystemOpener() {
    }

    public static void install(Consumer<String> showDocument) {
        opener = showDocument;
    }

    /// Opens `uri` (a `file:`, `http(s):` or `rtsp:` address) with the system's program for it.
    public static void open(String uri) {
        opener.accept(uri);
    }
}
