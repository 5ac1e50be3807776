package org.griddesk.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.geo.Region;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.Database;
import org.griddesk.store.security.ChannelKeyRepository;
import org.testfx.util.WaitForAsyncUtils;

/// The 8890 hotline posting orders to a running desk's own gateway, each from inside a grid of its
/// map, with a key of its own and a caller's phone numbered after the order (`139123456NN`).
final class HotlineOrders {
    private final int gatewayPort;
    private final String key;
    private final String prefix;
    private final HttpClient http = HttpClient.newHttpClient();
    private int sent;

    private HotlineOrders(int gatewayPort, String key, String prefix) {
        this.gatewayPort = gatewayPort;
        this.key = key;
        this.prefix = prefix;
    }

    /// Gives the hotline a key in the desk's store; `prefix` makes its order numbers differ from other tests'.
    static HotlineOrders keyed(Database db, int gatewayPort, String prefix) {
        String key = ApiKeys.newKey();
        new ChannelKeyRepository(db.dsl(), Clock.systemUTC()).add(Channel.HOTLINE_8890, prefix, ApiKeys.digest(key));
        return new HotlineOrders(gatewayPort, key, prefix);
    }

    /// How many orders were posted.
    int sent() {
        return sent;
    }

    /// Posts an order from inside the grid (again until the gateway takes it); returns the ticket's code.
    String post(Region grid, String content) throws Exception {
        var inside = grid.mainPart().getInteriorPoint();
        sent++;
        return send("""
                {"orderNo":"%s%d","receivedAt":"%s","caller":{"phone":"139123456%02d"},"content":"%s",
                 "point":{"lon":%s,"lat":%s}}""".formatted(prefix, sent, OffsetDateTime.now(), sent, content, inside.getX(),
                inside.getY()));
    }

    /// Posts an order with no point and an address no gazetteer knows: the district centre gets it, to place.
    String postUnplaced(String content) throws Exception {
        sent++;
        return send("""
                {"orderNo":"%s%d","receivedAt":"%s","caller":{"phone":"139123456%02d"},"content":"%s",
                 "address":"来电人说在大桥附近"}""".formatted(prefix, sent, OffsetDateTime.now(), sent, content));
    }

    private String send(String order) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/hotline/orders"))
                .header("X-Api-Key", key).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(order))
                .build();
        String[] body = new String[1];
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                body[0] = r.body();
                return r.statusCode() == 201;
            } catch (IOException notYet) {
                return false;
            }
        });
        return body[0].replaceFirst("(?s)^\\{\"ticket\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
