package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.app.WritingEndpoints.Endpoint;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.intake.RateLimiter;
import org.griddesk.testsupport.LogCapture;
import org.griddesk.testsupport.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// HTTP no client library would send, over a raw socket: broken request lines, lengths that lie,
/// broken chunks, headers and addresses over the limits, HTTP versions the gateway does not speak,
/// and clients that hang up in the middle of a body. Each is answered in the documented JSON shape
/// (Jetty's own refusals included), nothing is stored, and a hang-up is never logged as the store
/// being away.
class BrokenFramingTest {
    @TempDir
    static Path dataDir;

    private static GatewayFixture fixture;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        fixture = new GatewayFixture(dataDir, new RateLimiter(1_000_000, 1_000_000, System::nanoTime));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /// Framing no HTTP client would send, over a raw socket to every channel: each is answered in
    /// the documented JSON shape (Open311's list under `/open311/`) with a status that says what
    /// was wrong, never as HTML or plain text, and nothing is stored.
    @Test
    void brokenFramingIsAnsweredInTheDocumentedShapeAndNothingIsStored() throws Exception {
        List<Endpoint> endpoints = WritingEndpoints.channels(fixture);
        Map<String, Integer> before = WritingEndpoints.storeCounts(fixture);
        int port = fixture.gateway.port();
        int n = 0;
        for (Endpoint e : endpoints) {
            ObjectNode fresh = e.valid().deepCopy(); // a body that would make a new ticket, were its framing taken
            if (!e.ids().isEmpty()) {
                fresh.put(e.ids().iterator().next(), "RAW-" + n++);
            }
            String body = JSON.writeValueAsString(fresh);
            // Open311's key as a header too: with it only in the body, a chunked body is refused (411) before it is read
            String key = e.key() != null ? e.key() : e.valid().path("api_key").asText();
            String head = "POST " + e.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + key + "\r\nContent-Type: application/json\r\n";
            int length = utf8(body).length;
            Map<String, Integer> framings = new LinkedHashMap<>();
            framings.put(head + "Content-Length: abc\r\n\r\n" + body, 400);
            framings.put(head + "Content-Length: -5\r\n\r\n" + body, 400);
            framings.put(head + "Content-Length: 99999999999999999999\r\n\r\n" + body, 400);
            framings.put(head + "Content-Length: " + length + "\r\nContent-Length: " + (length + 1) + "\r\n\r\n" + body, 400);
            framings.put(head + "Content-Length: " + length + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body), 400);
            framings.put(head + "Content-Length: " + (length + 100) + "\r\n\r\n" + body, 400); // then the client closes
            framings.put(head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n", 400);
            framings.put(head + "Transfer-Encoding: chunked\r\n\r\n-5\r\n" + body + "\r\n0\r\n\r\n", 400);
            framings.put(head + "Transfer-Encoding: chunked\r\n\r\n2\r\n" + body + "\r\n0\r\n\r\n", 400);
            framings.put(head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + "\r\n" + body, 400); // no last chunk
            framings.put(head + "Transfer-Encoding: gzip, chunked, identity\r\n\r\n" + chunked(body), 400);
            for (Map.Entry<String, Integer> framing : framings.entrySet()) {
                RawHttp.Answer answer = RawHttp.exchange(port, framing.getKey());
                String what = shown(framing.getKey()) + " → " + answer;
                assertThat(answer.status()).as(what).isEqualTo(framing.getValue());
                WritingEndpoints.assertDocumentedError(e.open311(), answer.contentType(), answer.body(), what);
            }
            if (e.typed()) { // a chunked body over 4 MB, read until the limit
                ByteArrayOutputStream over = new ByteArrayOutputStream();
                over.writeBytes(utf8(head + "Transfer-Encoding: chunked\r\n\r\n"));
                String chunk = "x".repeat(64 * 1024);
                for (int i = 0; i < 80; i++) {
                    over.writeBytes(utf8(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"));
                }
                over.writeBytes(utf8("0\r\n\r\n"));
                RawHttp.Answer answer = RawHttp.exchange(port, over.toByteArray());
                assertThat(answer.status()).as(e.path() + " chunked over 4 MB → " + answer).isEqualTo(413);
                WritingEndpoints.assertDocumentedError(false, answer.contentType(), answer.body(), answer.toString());
            }
        }
        String key = fixture.key(Channel.HOTLINE_8890);
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("POST /api/v1/hotline/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + key + "\r\nX-Padding: "
                + "p".repeat(32 * 1024) + "\r\n\r\n", 431);
        requests.put("GET /api/v1/team/tickets/" + "9".repeat(32 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414);
        requests.put("GARBAGE\r\n\r\n", 400);
        requests.put("POST\r\n\r\n", 400);
        requests.put("POST /api/v1/hotline/orders HTTP/1.1 extra\r\nHost: 127.0.0.1\r\n\r\n", 400);
        requests.put("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n", 400);
        requests.put("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n folded\r\n\r\n", 400);
        requests.put("POST /api/v1/hotline/orders\r\n\r\n", 505); // HTTP/0.9
        requests.put("GET /health HTTP/0.9\r\n\r\n", 505);
        requests.put("GET /health HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n", 426); // HTTP/2 is not spoken on plain text
        requests.put("GET /health HTTP/3.7\r\nHost: 127.0.0.1\r\n\r\n", 505);
        for (Map.Entry<String, Integer> request : requests.entrySet()) {
            RawHttp.Answer answer = RawHttp.exchange(port, request.getKey());
            String what = shown(request.getKey()) + " → " + answer;
            assertThat(answer.status()).as(what).isEqualTo(request.getValue());
            WritingEndpoints.assertDocumentedError(false, answer.contentType(), answer.body(), what);
        }
        assertThat(WritingEndpoints.storeCounts(fixture)).isEqualTo(before);
    }

    /// A client that sends half a body and goes away (closing, or resetting the connection) is
    /// logged once as a closed connection, at INFO, never as the store being away; on a channel's
    /// JSON endpoint and on Open311's form.
    @Test
    void aClientThatHangsUpMidBodyIsNotTakenForTheStoreGoingAway() throws Exception {
        String order = "POST /api/v1/hotline/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + fixture.key(Channel.HOTLINE_8890)
                + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"orderNo\":\"HALF-1\",\"content\":\"";
        String form = "POST /open311/v2/requests.json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: 60000\r\n\r\napi_key=" + fixture.key(Channel.GOVERNANCE_PLATFORM) + "&description=";
        Map<String, Integer> before = WritingEndpoints.storeCounts(fixture);
        try (LogCapture log = new LogCapture("org.griddesk.intake")) {
            for (String half : List.of(order, form)) {
                for (boolean reset : List.of(false, true)) {
                    try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
                        socket.getOutputStream().write(utf8(half + "路".repeat(3000)));
                        socket.getOutputStream().flush();
                        Thread.sleep(200); // the gateway is reading the body now
                        socket.setSoLinger(reset, 0);
                    }
                }
            }
            for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos(); System.nanoTime() < until
                    && log.lines().stream().filter(l -> l.contains("client closed the connection")).count() < 4; ) {
                Thread.sleep(50);
            }
            assertThat(log.lines().stream().filter(l -> l.contains("client closed the connection")))
                    .as("once per abandoned request, at INFO").hasSize(4).allSatisfy(l -> assertThat(l).startsWith("INFO "));
            assertThat(log.lines(Level.WARN)).as("no false alarm").isEmpty();
        }
        assertThat(WritingEndpoints.storeCounts(fixture)).isEqualTo(before);
    }

    private static String shown(String request) {
        String oneLine = request.replace("\r\n", "⏎");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static String chunked(String body) {
        return Integer.toHexString(utf8(body).length) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
