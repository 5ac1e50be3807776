package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Strict UTF-8, strict JSON and storable text, as every JSON body is read.
class StrictJsonTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /// `{"content":"路<bytes>灯"}` with raw bytes in the middle of the text.
    private static byte[] withBytes(String hex) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8("{\"content\":\"路"));
        body.writeBytes(HexFormat.of().parseHex(hex));
        body.writeBytes(utf8("灯\"}"));
        return body.toByteArray();
    }

    private static StrictJson.Refused refusal(byte[] body) {
        try {
            StrictJson.read(body);
        } catch (StrictJson.Refused refused) {
            return refused;
        }
        throw new AssertionError("taken: " + new String(body, StandardCharsets.UTF_8));
    }

    private static String said(byte[] body) {
        FieldError first = refusal(body).errors().getFirst();
        return first.field() + ": " + first.zh() + " / " + first.en();
    }

    @Test
    void oneObjectWithWhitespaceAroundIsTaken() throws Exception {
        JsonNode body = StrictJson.read(utf8(" \n\t{\"orderNo\":\"A-1\",\"point\":{\"lon\":117.38,\"lat\":38.94},\"photos\":[\"https://x/1.jpg\"]}\r\n "));
        assertThat(body.get("orderNo").asText()).isEqualTo("A-1");
        assertThat(body.get("point").get("lat").asDouble()).isEqualTo(38.94);
    }

    @Test
    void anEmptyOrBlankBodyIsMissingNotAnError() throws Exception {
        assertThat(StrictJson.read(new byte[0]).isMissingNode()).isTrue();
        assertThat(StrictJson.read(utf8(" \r\n\t ")).isMissingNode()).isTrue();
        assertThat(StrictJson.read(HexFormat.of().parseHex("efbbbf")).isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} x", "{\"a\":1}{\"a\":2}", "{\"a\":1}\n{\"a\":1}", "{\"a\":1}}", "{\"a\":1}]", "{\"a\":1} 7",
            "{\"a\":1} // note", "{\"a\":1},", "[1] [2]", "\"text\" \"more\""})
    void nothingButWhitespaceMayFollowTheValue(String body) {
        assertThat(said(utf8(body))).startsWith("body: JSON 值之后还有内容").contains("the body goes on after its JSON value");
    }

    @Test
    void trailingContentIsPlacedByLineAndColumn() {
        assertThat(said(utf8("{\"a\":1}\n  {\"b\":2}"))).contains("第 2 行第 3 列", "line 2, column 3");
        assertThat(said(utf8("{}\u0000"))).contains("the body goes on after its JSON value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":1}", "{\"a\":1,\"b\":2,\"a\":3}", "{\"caller\":{\"phone\":\"1\",\"phone\":\"2\"}}",
            "{\"photos\":[{\"u\":1,\"u\":2}]}"})
    void duplicateKeysAreRefusedAtAnyDepth(String body) {
        assertThat(said(utf8(body))).startsWith("body: 请求体不是严格的 JSON").contains("Duplicate field");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1 /* c */}", "{\"a\":1 # c\n}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":01}",
            "{\"a\":+1}", "{\"a\":.5}", "{\"a\":1.}", "{\"a\":0x10}", "{'a':1}", "{a:1}", "{\"a\":1,}", "[1,]", "{\"a\":\"tab\there\"}",
            "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":tru}", "{\"a\":undefined}"})
    void onlyJsonItselfIsTakenNoExtensions(String body) {
        assertThat(said(utf8(body))).startsWith("body: 请求体不是严格的 JSON").contains("line 1, column");
    }

    /// The JDK's decoder refuses what Jackson's own UTF-8 reader would take (`C0 AF` and `E0 80 AF`
    /// read as `/` by it).
    @ParameterizedTest
    @ValueSource(strings = {"c0af", "e080af", "f08080af", "c1bf", "eda080", "edbfbf", "eda080edb080", "f4908080", "f8888080af",
            "80", "bf", "fe", "ff", "e4bd22"})
    void onlyWellFormedUtf8IsTaken(String hex) {
        assertThat(said(withBytes(hex))).isEqualTo("body: 请求体不是有效的 UTF-8（第 16 字节起） / the body is not valid UTF-8 (from byte 16)");
    }

    @Test
    void aSequenceCutShortAtTheEndIsRefused() {
        byte[] body = HexFormat.of().parseHex("7b7de4bd"); // {} and half of 你
        assertThat(said(body)).contains("the body is not valid UTF-8 (from byte 3)");
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkippedButNowhereElse() throws Exception {
        assertThat(StrictJson.read(HexFormat.of().parseHex("efbbbf7b2261223a317d")).get("a").asInt()).isEqualTo(1);
        assertThat(said(HexFormat.of().parseHex("efbbbfefbbbf7b2261223a317d"))).contains("not strict JSON");
        assertThat(said(HexFormat.of().parseHex("7b2261223a317defbbbf"))).contains("goes on after its JSON value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1e400}", "{\"a\":-1e400}", "{\"a\":[1,2,1E999]}"})
    void numbersBeyondWhatADoubleHoldsAreRefused(String body) {
        assertThat(said(utf8(body))).contains("超出数值范围", "is a number out of range");
    }

    @Test
    void anIntegerTooLargeForADoubleIsRefusedToo() {
        assertThat(said(utf8("{\"days\":" + "9".repeat(400) + "}"))).startsWith("days: ");
    }

    @Test
    void everyTextAnywhereMustBeStorableAndTheErrorSaysWhere() {
        StrictJson.Refused refused = refusal(utf8("""
                {"content":"ok","photos":["https://x/1.jpg","https://x/\\u0000.jpg"],"caller":{"name":"\\u001b[31m王"},
                 "extra":[[{"deep":"\\uD800"}]],"line":"\\u0085","end":"\\uFFFF"}"""));
        assertThat(refused.errors()).extracting(FieldError::field)
                .containsExactly("photos[1]", "caller.name", "extra[0][0].deep", "line", "end");
        assertThat(refused.errors().getFirst().en()).contains("invalid characters");
    }

    @Test
    void anAnswerNamesTwentyBadTextsAtMost() {
        String list = String.join(",", Collections.nCopies(5000, "\"\\u0000\""));
        assertThat(refusal(utf8("{\"photos\":[" + list + "]}")).errors()).hasSize(20);
    }

    @Test
    void aKeyThatIsNotStorableIsRefusedWithoutRepeatingIt() {
        StrictJson.Refused refused = refusal(utf8("{\"caller\":{\"na\\u0000me\":\"王\"}}"));
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("caller");
        assertThat(refused.errors().getFirst().en()).contains("field name with invalid characters");
    }

    @Test
    void aLongKeyIsShortenedWhereAnErrorNamesIt() {
        String key = "k".repeat(500);
        StrictJson.Refused refused = refusal(utf8("{\"" + key + "\":\"\\u0007\"}"));
        assertThat(refused.errors().getFirst().field()).hasSize(65).endsWith("…");
    }

    @Test
    void theRawNextLineAndNoncharactersAreRefusedAsWellAsTheirEscapes() {
        assertThat(said(withBytes("c285"))).startsWith("content: ");
        assertThat(said(withBytes("efbfbf"))).startsWith("content: ");
        assertThat(said(withBytes("efb790"))).startsWith("content: ");
    }

    @Test
    void aTooDeepBodyIsRefusedNotOverflowed() {
        assertThat(said(utf8("[".repeat(5000) + "]".repeat(5000)))).contains("not strict JSON");
    }
}
