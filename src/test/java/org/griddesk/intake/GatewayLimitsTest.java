package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The gateway's limits per client, each seen from a raw socket: connections per address, a header
/// deadline, a least rate for bodies.
class GatewayLimitsTest {
    private static final GatewayLimits TIGHT = new GatewayLimits(3, 100, 512, 4 * 1024, Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    private Gateway gateway;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"), Gateway.Intakes.NONE,
                RateLimiter.DEFAULT, null, TIGHT);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        gateway.close();
    }

    @Test
    void anAddressGetsNoMoreConnectionsThanItsLimitWhileOthersStillGetIn() throws Exception {
        List<Socket> fromOne = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fromOne.add(connect(11));
        }
        Thread.sleep(300);
        long closed = fromOne.stream().filter(GatewayLimitsTest::closedByGateway).count();
        assertThat(closed).as("connections beyond 3 from 127.0.0.11").isEqualTo(3);

        Socket other = connect(12);
        send(other, "GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n");
        assertThat(answer(other)).startsWith("HTTP/1.1 200");
    }

    @Test
    void aClientKeepingIdleConnectionsAliveGetsANewOneInPlaceOfItsLongestIdle() throws Exception {
        List<Socket> pool = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket kept = connect(15);
            send(kept, "GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n");
            assertThat(answer(kept)).startsWith("HTTP/1.1 200");
            pool.add(kept);
        }
        Thread.sleep(2_300); // idle between requests, as an HTTP client's pool keeps them

        Socket fourth = connect(15);
        send(fourth, "GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n");
        assertThat(answer(fourth)).as("the new connection is served").startsWith("HTTP/1.1 200");
        Thread.sleep(200);
        assertThat(pool.stream().filter(GatewayLimitsTest::closedByGateway).count()).as("idle ones closed for it").isEqualTo(1);
    }

    @Test
    void aHeaderThatDoesNotEndInTimeLosesItsConnection() throws Exception {
        Socket dripping = connect(13);
        send(dripping, "GET /health HTTP/1.1\r\nHost: gateway\r\nX-Padding: ");
        long start = System.nanoTime();
        boolean cut = false;
        while (!cut && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(200);
            try {
                send(dripping, "a");
            } catch (IOException e) {
                cut = true;
            }
            cut |= closedByGateway(dripping);
        }
        assertThat(cut).as("cut off within 5 s").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        Socket prompt = connect(13); // the same address, sending its request whole, is served
        send(prompt, "GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n");
        assertThat(answer(prompt)).startsWith("HTTP/1.1 200");
    }

    @Test
    void aBodySentSlowerThanTheLeastRateIsCutOff() throws Exception {
        Socket slow = connect(14);
        send(slow, "POST /open311/v2/requests.json HTTP/1.1\r\nHost: gateway\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\napi_key=");
        String answer = "";
        long start = System.nanoTime();
        slow.setSoTimeout(200);
        while (answer.isEmpty() && System.nanoTime() - start < 10_000_000_000L) {
            try {
                int first = slow.getInputStream().read();
                answer = first < 0 ? "(closed)" : (char) first + answer(slow);
            } catch (SocketTimeoutException nothingYet) {
                send(slow, "a");
            }
        }
        assertThat(answer).as("a body at 5 bytes a second is cut off within 10 s, and told why")
                .startsWith("HTTP/1.1 408").contains("application/json").contains("\"code\":408", "the body came too slowly");
    }

    @Test
    void limitsThatCannotHoldAreRefused() {
        assertThatThrownBy(() -> new GatewayLimits(10, 5, 2_048, 4 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GatewayLimits(1, 5, 2_048, 4 * 1024, Duration.ZERO, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Socket connect(int lastByteOfAddress) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByteOfAddress}), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 2_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /// True when the gateway closed the connection (or answered on it, which no test here waits for).
    private static boolean closedByGateway(Socket socket) {
        try {
            socket.setSoTimeout(50);
            return socket.getInputStream().read() != -2;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String answer(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        int n = in.read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
    }
}
