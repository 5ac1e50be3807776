package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.io.EofException;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.StoreUnavailableException;
import org.griddesk.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

class GatewayTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(Gateway gateway, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysWhetherTheStoreCanTakeRequestsSoChannelsKnowToRetry() throws Exception {
        AtomicBoolean storeUp = new AtomicBoolean(true);
        try (Gateway gateway = Gateway.start("127.0.0.1", 0,
                () -> new Gateway.Health(storeUp.get(), storeUp.get() ? "CONNECTED" : "DISCONNECTED", "test"))) {
            assertThat(gateway.port()).isPositive();
            HttpResponse<String> up = get(gateway, "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(up.body());
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.get("store").asText()).isEqualTo("CONNECTED");

            storeUp.set(false);
            HttpResponse<String> down = get(gateway, "/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(new ObjectMapper().readTree(down.body()).get("status").asText()).isEqualTo("STORE_UNAVAILABLE");

            HttpResponse<String> missing = get(gateway, "/no/such/thing?phone=13812345678");
            assertThat(missing.statusCode()).isEqualTo(404);
            JsonNode error = new ObjectMapper().readTree(missing.body());
            assertThat(error.get("error").asText()).isEqualTo("not_found");
            assertThat(error.get("message").asText()).contains("没有这个地址", "no such address").doesNotContain("13812345678");
        }
    }

    /// A store that goes away under a request is still the store: 503 (the channel sends again) and
    /// a warning, even when what broke deep down was an EOF on the database's socket, the same
    /// exception Jetty throws for a client that hung up.
    @Test
    void theStoreGoingAwayUnderARequestIsAnsweredWith503AndAWarning() throws Exception {
        Gateway.Intakes storeGone = new Gateway.Intakes(digest -> Optional.of(Channel.HOTLINE_8890), digest -> Optional.empty(),
                () -> {
                    throw StoreUnavailableException.during(new EofException("the database's socket"));
                }, Optional::empty, Optional::empty);
        try (LogCapture log = new LogCapture("org.griddesk.intake");
             Gateway gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"), storeGone)) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                    + "/api/v1/hotline/orders")).header("X-Api-Key", ApiKeys.newKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(new ObjectMapper().readTree(answer.body()).get("error").asText()).isEqualTo("unavailable");
            assertThat(log.lines(Level.WARN)).anySatisfy(line -> assertThat(line).contains("the store is away, answered 503"));
            assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains("client closed"));
        }
    }

    /// The store closes right after the gateway: a close during the warm-up's read of the district
    /// waits for that read (H2 otherwise saw a read on a closing store and wrote a trace file of
    /// exceptions into the data folder).
    @Test
    void aCloseWaitsForTheWarmUpsReadOfTheDistrict() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean readDone = new AtomicBoolean();
        Gateway.Intakes slowStore = new Gateway.Intakes(digest -> Optional.empty(), digest -> Optional.empty(),
                () -> {
                    reading.countDown();
                    try {
                        Thread.sleep(700);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("the warm-up was interrupted", e);
                    }
                    readDone.set(true);
                    return Optional.empty();
                }, Optional::empty, Optional::empty);
        Gateway gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"), slowStore);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

        gateway.close();

        assertThat(readDone).as("the warm-up's read ended before the close returned").isTrue();
    }

    @Test
    void withAKeystoreTheGatewayServesHttpsOnlyWithModernTls(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path keystore = dir.resolve("gateway.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit-test").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            trusted.load(in, "changeit-test".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(context).build();

        try (Gateway gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"),
                Gateway.Intakes.NONE, RateLimiter.DEFAULT, new Gateway.Tls(keystore, "changeit-test"))) {
            HttpResponse<String> up = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + gateway.port() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.sslSession()).get().extracting(SSLSession::getProtocol).isIn("TLSv1.3", "TLSv1.2");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(gateway, "/health"))
                    .as("no plain HTTP beside it").isInstanceOf(IOException.class);
        }
    }
}
