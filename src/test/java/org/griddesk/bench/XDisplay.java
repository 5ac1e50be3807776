package org.griddesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// The X display the start-up benchmark uses: `DISPLAY` when set, else a private Xvfb when one is
/// installed (`apt-get install xvfb libgtk-3-0`), else none (Monocle headless).
final class XDisplay implements AutoCloseable {
    private final String name;
    private final Process xvfb;
    private final String size;

    private XDisplay(String name, Process xvfb, String size) {
        this.name = name;
        this.xvfb = xvfb;
        this.size = size;
    }

    static XDisplay startIfPossible() throws IOException, InterruptedException {
        return startIfPossible("1920x1080");
    }

    /// A private Xvfb's screen is `size` (e.g. `3840x2160` for the 4K wall).
    static XDisplay startIfPossible(String size) throws IOException, InterruptedException {
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            return new XDisplay(existing, null, null);
        }
        boolean haveXvfb = Files.isExecutable(Path.of("/usr/bin/Xvfb"));
        if (!haveXvfb) {
            return new XDisplay(null, null, null);
        }
        String display = ":" + (150 + (int) (ProcessHandle.current().pid() % 50));
        Process process = new ProcessBuilder("/usr/bin/Xvfb", display, "-screen", "0", size + "x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(1500);
        if (!process.isAlive()) {
            return new XDisplay(null, null, null);
        }
        return new XDisplay(display, process, size);
    }

    String name() {
        return name;
    }

    String describe() {
        return xvfb != null ? "private Xvfb " + name + " " + size : "DISPLAY=" + name;
    }

    @Override
    public void close() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }
}
