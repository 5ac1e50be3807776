package org.griddesk.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Runs one JavaFX scene of a frame benchmark in its own JVM on an X display, with the software
/// pipeline and pulses at full speed, and reads the flat JSON of numbers it writes to its report.
final class FxProcess {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\\d+)");

    private FxProcess() {
    }

    /// Runs `mainClass` with `args` followed by the report path; its output goes to `work/<name>.log`.
    static Map<String, Long> run(XDisplay x, Path work, String name, String mainClass, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path report = Files.createTempFile(work, name + "-", ".json");
        Files.delete(report);
        Path target = Path.of("target").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dprism.order=sw", "-Djavafx.animation.fullspeed=true",
                "--enable-native-access=javafx.graphics,ALL-UNNAMED",
                "--module-path", target.resolve("javafx").toString(), "--add-modules", "javafx.controls,javafx.fxml",
                "-cp", String.join(File.pathSeparator, target.resolve("griddesk.jar").toString(),
                        target.resolve("lib").resolve("*").toString(), target.resolve("test-classes").toString()),
                mainClass));
        command.addAll(args);
        command.add(report.toString());
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DISPLAY", x.name());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " timed out: " + log);
        }
        if (!Files.exists(report)) {
            throw new IllegalStateException("no report from " + name + ":\n" + Files.readString(log));
        }
        Map<String, Long> values = new TreeMap<>();
        Matcher m = FIELD.matcher(Files.readString(report));
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return values;
    }
}
