package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// `griddesk gateway` runs the gateway on its store until stopped.
class GatewayCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void theGatewayCommandServesHealthOnItsStoreUntilStopped() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                () -> CliRun.in(dataDir, "gateway", "--bind", "127.0.0.1", "--port", Integer.toString(port), "--lang", "en"));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try {
                return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).body()).contains("\"status\":\"UP\"", "CONNECTED");
        assertThat(dataDir.resolve("db/griddesk.mv.db")).as("the store was opened and migrated").exists();

        GatewayCommand.RUNNING.get().countDown();
        CliRun done = run.get(20, TimeUnit.SECONDS);
        assertThat(done.code()).as(done.err()).isZero();
        assertThat(done.out()).contains("Intake gateway listening on http://127.0.0.1:" + port);
    }
}
