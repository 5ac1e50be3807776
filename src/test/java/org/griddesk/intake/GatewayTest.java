package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
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
}
