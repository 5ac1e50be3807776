package org.griddesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.griddesk.domain.ticket.Channel;

/// [IngestClient] started in a JVM of its own, phase by phase.
final class IngestClientProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /// One phase's outcome as the client counted it.
    record Phase(long sent, long created, long repeated, long refused, long failed, long skipped, long unexpected, double p50Ms,
                 double p99Ms, double maxMs, long[] p99MsByWindow) {
        long answered() {
            return created + repeated + refused;
        }
    }

    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final Path log;

    IngestClientProcess(URI gateway, Map<Channel, String> keys, String tag, double rate, int seconds, Path dir) throws IOException {
        Path keysFile = dir.resolve("keys.properties");
        Properties lines = new Properties();
        keys.forEach((channel, key) -> lines.setProperty(channel.name(), key));
        try (var writer = Files.newBufferedWriter(keysFile, StandardCharsets.UTF_8)) {
            lines.store(writer, "ingest benchmark");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), IngestClient.class.getName(), gateway.toString(),
                keysFile.toString(), tag, Double.toString(rate), Integer.toString(seconds)));
        log = dir.resolve("client.log");
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /// Runs the client's next phase and returns what it counted.
    Phase run() throws IOException {
        expect("READY ");
        in.println("go");
        JsonNode result = JSON.readTree(expect("RESULT ").substring("RESULT ".length()));
        JsonNode t = result.get("tally");
        long[] windows = new long[result.get("p99ByWindowMicros").size()];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = result.get("p99ByWindowMicros").get(i).asLong() / 1000;
        }
        return new Phase(t.get("sent").asLong(), t.get("created").asLong(), t.get("repeated").asLong(), t.get("refused").asLong(),
                t.get("failed").asLong(), t.get("skipped").asLong(), t.get("unexpected").asLong(), t.get("p50Micros").asLong() / 1000.0,
                t.get("p99Micros").asLong() / 1000.0, t.get("maxMicros").asLong() / 1000.0, windows);
    }

    /// The next line starting with `prefix`; the client's log lines before it go to `client.log`.
    private String expect(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        throw new IOException("the ingest client ended before saying " + prefix.strip() + " (exit " + exit() + ")");
    }

    private String exit() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
