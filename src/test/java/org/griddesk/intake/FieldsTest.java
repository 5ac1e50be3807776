package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.geo.CoordinateSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The one rule for storable text, and how codes, ids, free text, lists and whole numbers are read.
class FieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<FieldError> errors = new ArrayList<>();

    private static JsonNode body(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static JsonNode textField(String text) {
        return JSON.createObjectNode().put("v", text);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0007", "0008", "000B", "000C", "001B", "001F", "007F", "0080", "0085", "009F", "D800", "DBFF",
            "DC00", "DFFF", "FDD0", "FDEF", "FFFE", "FFFF", "1FFFE", "1FFFF", "EFFFF", "10FFFE", "10FFFF"})
    void controlsLoneSurrogatesAndNoncharactersAreNotStorable(String hex) {
        int c = Integer.parseInt(hex, 16);
        String text = c > Character.MAX_VALUE ? "路" + Character.toString(c) + "灯" : "路" + (char) c + "灯";
        assertThat(Fields.storable(text)).isFalse();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0009", "000A", "000D", "0020", "007E", "00A0", "00A9", "2028", "2029", "3000", "FDCF", "FDF0", "FEFF",
            "FFFD", "1F600", "20BB7", "10FFFD"})
    void textTabsLineBreaksAndEveryOtherCharacterAreStorable(String hex) {
        assertThat(Fields.storable("路" + Character.toString(Integer.parseInt(hex, 16)) + "灯")).isTrue();
    }

    @Test
    void aSurrogatePairIsOneCharacterButHalfOfOneIsBroken() {
        assertThat(Fields.storable("\uD83D\uDE00")).isTrue();
        assertThat(Fields.storable("\uDE00\uD83D")).isFalse();
        assertThat(Fields.storable("\uD83D")).isFalse();
    }

    @Test
    void freeTextIsStrippedOnlyAfterItPassesSoNoControlHidesAtItsEnd() {
        assertThat(Fields.text(textField("  路灯不亮\r\n"), "v", true, 100, errors)).isEqualTo("路灯不亮");
        assertThat(Fields.text(textField("路灯不亮\u001F"), "v", true, 100, errors)).isNull();
        assertThat(Fields.text(textField("\u0085路灯不亮"), "v", true, 100, errors)).isNull();
        assertThat(Fields.text(textField("\u001F\u001C"), "v", false, 100, errors)).as("blank to Java, yet not absent").isNull();
        assertThat(errors).hasSize(3).extracting(FieldError::en)
                .containsOnly("v holds invalid characters (control characters, noncharacters or broken Unicode)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC\n", " ABC", "ABC ", "ABC\t", "\rABC", "AB C", "ABC\u3000", "ABC\u0085", "ＡＢＣ"})
    void identifiersAreTakenExactlyAsSentNeverTrimmed(String id) {
        assertThat(Fields.identifier(textField(id), "v", 64, errors)).isNull();
        assertThat(errors).hasSize(1);
    }

    @Test
    void aPlainIdentifierIsTaken() {
        assertThat(Fields.identifier(textField("8890-20261126_0001"), "v", 64, errors)).isEqualTo("8890-20261126_0001");
        assertThat(errors).isEmpty();
    }

    @Test
    void codesAreTakenAsSentWithoutTrimming() {
        assertThat(Fields.exact(textField("XSG-001-01"), "v", false, 30, errors)).isEqualTo("XSG-001-01");
        assertThat(Fields.exact(textField("XSG-001-01\n"), "v", false, 30, errors)).isNull();
        assertThat(Fields.exact(textField(" XSG-001-01"), "v", false, 30, errors)).isNull();
        assertThat(errors).extracting(FieldError::en).containsOnly("v is taken exactly as sent: no whitespace around it, no line breaks or tabs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\uD800", "\\uDC00", "\\uFFFF"})
    void everyUrlInAListIsStorableText(String escape) throws Exception {
        JsonNode body = body("{\"photos\":[\"https://app.example/1.jpg\",\"https://app.example/" + escape + ".jpg\"]}");
        assertThat(Fields.urls(body, "photos", 9, errors)).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("photos[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {" https://app.example/1.jpg", "https://app.example/1.jpg\n", "https://app.example/1 .jpg",
            "https://app.example/1\u3000.jpg", "ftp://app.example/1.jpg", "javascript:alert(1)"})
    void aUrlIsAnHttpAddressAsSent(String url) {
        JsonNode body = JSON.createObjectNode().set("photos", JSON.createArrayNode().add(url));
        assertThat(Fields.urls(body, "photos", 9, errors)).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("photos[0]");
    }

    /// A whole number is a JSON integer: `3.0` says something else (a measurement), so it is refused
    /// rather than rounded; so is one beyond a long, which would otherwise wrap.
    @ParameterizedTest
    @ValueSource(strings = {"3.0", "3e0", "3.5", "\"3\"", "18446744073709551617", "9223372036854775808", "true"})
    void wholeNumbersAreJsonIntegersWithinALong(String days) throws Exception {
        assertThat(Fields.whole(body("{\"days\":" + days + "}"), "days", 1, Long.MAX_VALUE, errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("days");
    }

    @Test
    void aWholeNumberInRangeIsTaken() throws Exception {
        assertThat(Fields.whole(body("{\"days\":3}"), "days", 1, 60, errors)).isEqualTo(3L);
        assertThat(Fields.whole(body("{\"v\":9223372036854775807}"), "v", 1, Long.MAX_VALUE, errors)).isEqualTo(Long.MAX_VALUE);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WGS-84", "wgs84", "EPSG:4326", "CGCS2000", "EPSG:4490"})
    void aPointInAWgs84LikeSystemIsKeptAsSent(String crs) throws Exception {
        var place = Fields.place(body("{\"point\":{\"lon\":117.38,\"lat\":38.94,\"crs\":\"" + crs + "\"}}"), errors);
        assertThat(errors).isEmpty();
        assertThat(place.lon()).isEqualTo(117.38);
        assertThat(place.lat()).isEqualTo(38.94);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GCJ-02", "gcj02", "BD-09", "bd09ll"})
    void aPointInAChineseOffsetSystemIsKeptInWgs84(String crs) throws Exception {
        var place = Fields.place(body("{\"point\":{\"lon\":117.38,\"lat\":38.94,\"crs\":\"" + crs + "\"}}"), errors);
        assertThat(errors).isEmpty();
        double[] back = CoordinateSystem.named(crs).orElseThrow().fromWgs(place.lon(), place.lat());
        assertThat(back[0]).isCloseTo(117.38, within(1e-7));
        assertThat(back[1]).isCloseTo(38.94, within(1e-7));
        assertThat(Math.abs(place.lon() - 117.38)).as("moved: the offset is hundreds of metres").isGreaterThan(0.004);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:3857", "900913", "Xian80", "3", "[\"GCJ-02\"]"})
    void aPointInMetresOrAnUnknownSystemIsRefused(String crs) throws Exception {
        String value = crs.startsWith("[") ? crs : "\"" + crs + "\"";
        assertThat(Fields.place(body("{\"point\":{\"lon\":117.38,\"lat\":38.94,\"crs\":" + value + "}}"), errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("point.crs");
        assertThat(errors.getFirst().zh()).startsWith("point.crs ");
    }
}
