package org.griddesk.app;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/// One `griddesk …` run in the test JVM: exit code, standard output and standard error.
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GridDeskCli.execute(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new CliRun(code, out.toString(), err.toString());
    }

    /// The same, on a given data folder.
    static CliRun in(Path dataDir, String... args) {
        return run(Stream.concat(Arrays.stream(args), Stream.of("--data-dir", dataDir.toString())).toArray(String[]::new));
    }

    /// The same, with `input` typed at its prompts (passwords, codes: standard input).
    static CliRun typed(Path dataDir, String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return in(dataDir, args);
        } finally {
            System.setIn(before);
        }
    }
}
