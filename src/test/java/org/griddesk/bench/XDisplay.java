package org.griddesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// The X display the start-up benchmark uses: `DISPLAY` when set, else a private Xvfb when one is
/// installed (`apt-get install xvfb libgtk-3-0`), else none (Monocle headless).
final class XDisplay implements AutoCloseable {
    private final String name;
    private final Process xvfb;

    private XDisplay(String name, Process xvfb) {
        this.name = name;
        this.xvfb = xvfb;
    }

    static XDisplay startIfPossible() throws IOException, InterruptedException {
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            return new XDisplay(existing, null);
        }
        boolean haveXvfb = Files.isExecutable(Path.of("/usr/bin/Xvfb"));
        if (!haveXvfb) {
            return new XDisplay(null, null);
        }
        String display = ":" + (150 + (int) (ProcessHandle.current().pid() % 50));
        Process process = new ProcessBuilder("/usr/bin/Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(1500);
        if (!process.isAlive()) {
            return new XDisplay(null, null);
        }
        return new XDisplay(display, process);
    }

    String name() {
        return name;
    }

    String describe() {
        return xvfb != null ? "private Xvfb " + name + " 1920x1080" : "DISPLAY=" + name;
    }

    @Override
    public void close() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }
}
