package org.griddesk.app;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/// The `griddesk` entry point (also the launcher's and the installer's).
///
/// Not a JavaFX `Application` itself, so the jar also starts from a plain class path.
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        org.griddesk.store.H2Guard.install(); // before H2's first class loads
        PrintWriter out = new PrintWriter(System.out, true, consoleCharset());
        PrintWriter err = new PrintWriter(System.err, true, consoleCharset());
        System.exit(GridDeskCli.execute(args, out, err, System.getenv()));
    }

    private static Charset consoleCharset() {
        Console console = System.console();
        return console != null ? console.charset() : StandardCharsets.UTF_8;
    }
}
