package org.griddesk.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// `griddesk gateway` in a JVM of its own (the test's class path), so that it can be killed as a
/// crash would: [#kill] sends SIGKILL, nothing in the gateway runs after it. Closing kills it too,
/// if it still runs.
final class GatewayProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;

    private GatewayProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /// Starts the gateway on `dataDir` (and the store `storeArgs` name, if any) on a free port and
    /// waits until its `/health` answers UP. Its console goes to `log`. It compiles with C1 only: it
    /// is up sooner, and a test that kills it early needs no faster code.
    static GatewayProcess start(Path dataDir, List<String> storeArgs, Path log) throws IOException, InterruptedException {
        return start(dataDir, storeArgs, log, List.of("-XX:TieredStopAtLevel=1"));
    }

    /// Starts the gateway with these JVM options besides its heap; none: compiled as the product is.
    static GatewayProcess start(Path dataDir, List<String> storeArgs, Path log, List<String> jvmOptions)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xshare:auto"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.griddesk.app.Main", "gateway", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString(), "--lang", "en"));
        command.addAll(storeArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        GatewayProcess gateway = new GatewayProcess(process, log, port);
        gateway.awaitUp();
        return gateway;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    /// SIGKILL (on Linux `destroyForcibly` is `kill -9`), then waits for the process to be gone.
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway " + process.pid() + " outlived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitUp() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri().resolve("/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        kill();
        throw new IllegalStateException("the gateway did not come up in " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
