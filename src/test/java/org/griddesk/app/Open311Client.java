package org.griddesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.griddesk.geo.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/// The gateway's Open311 API as a client uses it in tests: forms posted as the specification sends
/// them (with headers of the client's choosing), answers read as JSON, and requests to send.
final class Open311Client {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final GatewayFixture fixture;

    Open311Client(GatewayFixture fixture) {
        this.fixture = fixture;
    }

    /// Posts `form` form-encoded, with `headers` as name, value, name, value….
    HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return GatewayFixture.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /// The `service_request_id` of a POST's answer, after checking it was taken.
    String postedId(Map<String, String> form, String... headers) throws Exception {
        HttpResponse<String> answer = postForm("/open311/v2/requests.json", form, headers);
        if (answer.statusCode() != 200) {
            throw new AssertionError("not taken: " + answer.statusCode() + " " + answer.body());
        }
        return json(answer).get(0).get("service_request_id").asText();
    }

    HttpResponse<String> get(String path) throws Exception {
        return fixture.get(path);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /// A request the specification's way: the key in the form, a service, a point and words.
    static Map<String, String> request(String key, String serviceCode, Point point, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_code", serviceCode);
        form.put("lat", degrees(point.getY()));
        form.put("long", degrees(point.getX()));
        form.put("description", description);
        return form;
    }

    /// Degrees as a plain decimal, to 6 places (about 0.1 m).
    static String degrees(double value) {
        return String.format("%.6f", value);
    }

    /// A point inside the grid, well away from the point Open311 shows for it (over 100 m from its
    /// interior point), so that a read showing the sent point could be told from one showing the grid's.
    static Point pointInside(Region grid, long seed) {
        Random random = new Random(seed);
        Envelope box = grid.shape().getEnvelopeInternal();
        Point centre = grid.mainPart().getInteriorPoint();
        for (int tries = 0; tries < 10_000; tries++) {
            Point p = GEOMETRY.createPoint(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight()));
            if (grid.mainPart().contains(p) && p.distance(centre) > 0.001) {
                return p;
            }
        }
        throw new IllegalStateException("no point of " + grid.code() + " is far from its centre");
    }
}
