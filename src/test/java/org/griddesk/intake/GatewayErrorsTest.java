package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Every error status in the gateway's shape, or Open311's on its paths.
class GatewayErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 408, 413, 414, 415, 426, 431, 500, 501, 503, 505})
    void everyStatusHasACodeAndAMessageInChineseAndEnglish(int status) throws Exception {
        Open311.Body body = GatewayErrors.body("/api/v1/pushes", status, GatewayErrors.problem(status));
        assertThat(body.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode error = JSON.readTree(body.text());
        assertThat(error.get("error").asText()).matches("[a-z0-9_]+");
        assertThat(error.get("message").asText()).matches(".*\\p{IsHan}.* / [A-Za-z].*");
        assertThat(error.size()).isEqualTo(2);
    }

    @Test
    void jettysReasonIsAddedWhenItSaysMoreThanTheStatus() throws Exception {
        assertThat(JSON.readTree(GatewayErrors.body("/badMessage", 400, GatewayErrors.problem(400, "Multiple Content-Lengths")).text()).get("message").asText())
                .isEqualTo("HTTP 请求格式有误 / malformed HTTP request (Multiple Content-Lengths)");
        assertThat(JSON.readTree(GatewayErrors.body("/badMessage", 400, GatewayErrors.problem(400, "Bad Request")).text()).get("message").asText())
                .isEqualTo("HTTP 请求格式有误 / malformed HTTP request");
    }

    @Test
    void underOpen311TheSpecificationsShapeIsKeptInItsFormat() throws Exception {
        Open311.Body json = GatewayErrors.body("/open311/v2/requests.json", 413, GatewayErrors.problem(413));
        assertThat(JSON.readTree(json.text()).get(0).get("code").asInt()).isEqualTo(413);
        assertThat(JSON.readTree(json.text()).get(0).get("description").asText()).contains("the body is over 4 MB", "请求体超过 4 MB");
        Open311.Body xml = GatewayErrors.body("/open311/v2/requests.xml", 400, GatewayErrors.problem(400, "Invalid Content-Length Value"));
        assertThat(xml.contentType()).contains("xml");
        assertThat(xml.text()).contains("<errors><error><code>400</code>", "Invalid Content-Length Value");
    }
}
