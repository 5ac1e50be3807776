package org.griddesk.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// A request body read as strict JSON (RFC 8259, no extensions): strict UTF-8 first, then exactly
/// one JSON value with nothing but whitespace after it, no duplicate keys, every number finite and
/// every text, keys included, [storable][Fields#storable]. An empty (or all-whitespace) body is a
/// [MissingNode]: the endpoints that take one (a team's `sign`) say so themselves.
///
/// Jackson decodes UTF-8 itself and takes overlong forms (`C0 AF` and `E0 80 AF` become `/`) and
/// sequences beyond U+10FFFF, so the bytes go through the JDK's decoder, which refuses them,
/// before Jackson sees any text. A UTF-8 byte order mark at the very start is skipped: Windows
/// tools write one.
final class StrictJson {
    /// Jackson's defaults already refuse comments, single quotes, NaN and Infinity, leading zeros
    /// and raw control characters in strings; duplicate keys need asking for.
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /// how much of a key an error names
    private static final int NAMED_KEY = 64;
    private static final int MAX_DETAIL = 200;
    /// how many unstorable texts an answer names (a body may hold thousands)
    private static final int MAX_ERRORS = 20;

    /// Why a body was not taken: what is wrong, each named by where it is (`body`, `photos[2]`).
    static final class Refused extends Exception {
        private final transient List<FieldError> errors;

        Refused(List<FieldError> errors) {
            super(errors.getFirst().en(), null, false, false);
            this.errors = List.copyOf(errors);
        }

        Refused(String zh, String en) {
            this(List.of(new FieldError("body", zh, en)));
        }

        List<FieldError> errors() {
            return errors;
        }
    }

    private StrictJson() {
    }

    /// The body's one JSON value, or [MissingNode] for an empty body.
    static JsonNode read(byte[] body) throws Refused {
        JsonNode value = parse(utf8(body));
        List<FieldError> errors = new ArrayList<>();
        check(value, "", errors);
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        return value;
    }

    /// The body's text, decoded refusing anything that is not well-formed UTF-8 (overlong forms,
    /// surrogates, code points beyond U+10FFFF, sequences cut short).
    private static String utf8(byte[] body) throws Refused {
        int start = hasBom(body) ? BOM.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out = CharBuffer.allocate(body.length - start); // never more UTF-16 units than UTF-8 bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new Refused("请求体不是有效的 UTF-8（第 " + (in.position() + 1) + " 字节起）",
                    "the body is not valid UTF-8 (from byte " + (in.position() + 1) + ")");
        }
        return out.flip().toString();
    }

    private static boolean hasBom(byte[] body) {
        return body.length >= BOM.length && body[0] == BOM[0] && body[1] == BOM[1] && body[2] == BOM[2];
    }

    private static JsonNode parse(String text) throws Refused {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode value;
            try {
                value = MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                throw new Refused("请求体不是严格的 JSON（" + where(e.getLocation(), true) + "）",
                        "the body is not strict JSON (" + where(e.getLocation(), false) + ")" + detail(e));
            }
            if (value == null) {
                return MissingNode.getInstance();
            }
            JsonLocation after = parser.currentTokenLocation();
            try {
                if (parser.nextToken() == null) {
                    return value;
                }
                after = parser.currentTokenLocation();
            } catch (JsonProcessingException garbage) {
                after = garbage.getLocation();
            }
            throw new Refused("JSON 值之后还有内容（" + where(after, true) + "）：请求体只能是一个 JSON 值",
                    "the body goes on after its JSON value (" + where(after, false) + "): a body is exactly one JSON value");
        } catch (IOException e) { // none from a string; the parser's close declares it
            throw new Refused("请求体不是严格的 JSON", "the body is not strict JSON");
        }
    }

    /// Jackson's own words on what it met (`Duplicate field 'orderNo'`), when short and safe to send back.
    private static String detail(JsonProcessingException e) {
        String words = e.getOriginalMessage();
        return words == null || words.length() > MAX_DETAIL || !Fields.storable(words) ? "" : ": " + words;
    }

    private static String where(JsonLocation at, boolean zh) {
        if (at == null) {
            return zh ? "位置不明" : "position unknown";
        }
        return zh ? "第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /// Every text storable, every number finite, all the way down.
    private static void check(JsonNode node, String path, List<FieldError> errors) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        String name = path.isEmpty() ? "body" : path;
        if (node.isTextual() && !Fields.storable(node.textValue())) {
            errors.add(Fields.unstorable(name));
        } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            errors.add(new FieldError(name, name + " 超出数值范围", name + " is a number out of range"));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!Fields.storable(field.getKey())) {
                    errors.add(new FieldError(name, name + " 的字段名含有无效字符（控制字符或残缺的 Unicode）",
                            name + " has a field name with invalid characters (control characters or broken Unicode)"));
                } else {
                    check(field.getValue(), (path.isEmpty() ? "" : path + ".") + shortened(field.getKey()), errors);
                }
            }
        }
    }

    private static String shortened(String key) {
        return key.codePointCount(0, key.length()) <= NAMED_KEY ? key
                : key.substring(0, key.offsetByCodePoints(0, NAMED_KEY)) + "…";
    }
}
