package org.griddesk.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Channels sending to a gateway as fast as it answers, each on a thread and with a key of its
/// own: 8890 hotline orders and 网格通 grid reports, each with a number never sent before. Every
/// `201` is written down with the ticket code it gave: that request was acknowledged, and its
/// channel will never send it again.
final class IntakeSenders implements AutoCloseable {
    private static final Pattern TICKET = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"");
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    /// A request the gateway answered `201` to, and the ticket it named.
    record Acknowledged(String channel, String externalId, String ticket) {
    }

    /// A channel's endpoint and one of its keys.
    record Sender(String channel, String key) {
    }

    private final URI gateway;
    private final String round;
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean sending = true;
    private volatile String lastRefusal = "none";

    /// Starts one thread per sender; `round` makes this run's numbers differ from every other's.
    IntakeSenders(URI gateway, List<Sender> senders, String round) {
        this.gateway = gateway;
        this.round = round;
        for (int i = 0; i < senders.size(); i++) {
            Sender sender = senders.get(i);
            String name = round + "-" + i;
            threads.add(Thread.ofPlatform().name("sender-" + name).start(() -> send(sender, name)));
        }
    }

    int acknowledgedSoFar() {
        return acknowledged.size();
    }

    /// The last answer other than `201` (a `503` while the gateway reads its district, …).
    String lastRefusal() {
        return lastRefusal;
    }

    /// Stops sending, waits for every thread, and returns what was acknowledged.
    List<Acknowledged> stop() throws InterruptedException {
        sending = false;
        for (Thread t : threads) {
            t.join();
        }
        return List.copyOf(acknowledged);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void send(Sender sender, String name) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        String path = sender.channel().equals("HOTLINE_8890") ? "/api/v1/hotline/orders" : "/api/v1/grid/reports";
        for (int n = 1; sending; n++) {
            String id = "C" + name + "-" + n;
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Api-Key", sender.key())
                    .POST(HttpRequest.BodyPublishers.ofString(body(sender.channel(), id, n))).build();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    Matcher m = TICKET.matcher(answer.body());
                    if (!m.find()) {
                        throw new IllegalStateException("a 201 without a ticket: " + answer.body());
                    }
                    acknowledged.add(new Acknowledged(sender.channel(), id, m.group(1)));
                } else {
                    lastRefusal = answer.statusCode() + " " + answer.body();
                    pause();
                }
            } catch (IOException killedOrRefused) {
                // no answer, nothing acknowledged: the gateway is gone (or not up)
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String body(String channel, String id, int n) {
        String now = OffsetDateTime.now(BEIJING).truncatedTo(ChronoUnit.SECONDS).toString();
        // points and grids of the small district GatewayCrashTest imports
        double lon = 117.301 + (n % 17) * 0.001;
        double lat = 38.901 + (n % 13) * 0.0015;
        if (channel.equals("HOTLINE_8890")) {
            String hotline = """
                    {"orderNo":"%s","receivedAt":"%s","caller":{"name":"市民%d","phone":"138%08d"},
                     "content":"第%d号来电：小区门口路灯不亮，已经%d天了","address":"测试区%d号",
                     "point":{"lon":%.5f,"lat":%.5f},"urgent":false,"categoryHint":"市政设施"}""";
            return String.format(Locale.ROOT, hotline, id, now, n % 100, n % 100_000_000, n, n % 9 + 1, n, lon, lat);
        }
        String report = """
                {"reportId":"%s","workerId":"W-%d","reportedAt":"%s","content":"第%d次巡查：楼道堆放杂物%d处，存在消防隐患",
                 "gridCode":"A1-C%d-G%d","point":{"lon":%.5f,"lat":%.5f}}""";
        return String.format(Locale.ROOT, report, id, n % 50, now, n, n % 7 + 1, n % 2 + 1, n % 3 % 2 + 1, lon, lat);
    }
}
