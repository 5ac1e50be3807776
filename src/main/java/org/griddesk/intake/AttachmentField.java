package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentRefused;

/// Files sent in a JSON body, the way the API already carries pictures (the video alarm's
/// `snapshot`): `attachments` is an array of `{"name": "井盖.jpg", "content": "<base64>"}`, each
/// checked by its bytes ([Attachment#of]: JPEG, PNG, WebP or PDF, at most 10 MB), at most
/// [Attachment#MAX_PER_REPORT]. A refused file is an error naming it, its limit or the types taken.
final class AttachmentField {
    static final String FIELD = "attachments";

    private AttachmentField() {
    }

    static List<Attachment> parse(JsonNode body, List<FieldError> errors) {
        List<JsonNode> node = Fields.elements(body, FIELD, Attachment.MAX_PER_REPORT, "附件（每个含 name 与 base64 的 content）",
                "files, each with a name and base64 content", errors);
        List<Attachment> files = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = FIELD + "[" + i + "]";
            JsonNode file = node.get(i);
            if (!file.isObject()) {
                errors.add(new FieldError(at, at + " 应为对象：{\"name\": …, \"content\": …}", at + " is an object: {\"name\": …, \"content\": …}"));
                continue;
            }
            String name = Fields.text(file, "name", false, Attachment.MAX_NAME, errors, at + ".name");
            JsonNode content = file.path("content");
            // base64 is 4 characters per 3 bytes: an oversized one is refused before it is decoded
            if (!content.isTextual() || content.asText().length() > (Attachment.MAX_BYTES / 3 + 1) * 4 + 8) {
                refused(errors, at + ".content", content.isTextual()
                        ? AttachmentRefused.tooLargeFile(name == null ? at : name, content.asText().length() / 4L * 3)
                        : null);
                continue;
            }
            try {
                files.add(Attachment.of(name, decode(content.asText())));
            } catch (IllegalArgumentException notBase64) {
                errors.add(new FieldError(at + ".content", at + ".content 不是有效的 base64（可为标准或 URL 安全字母表，可换行）",
                        at + ".content is not valid base64 (standard or URL-safe alphabet, line breaks allowed)"));
            } catch (AttachmentRefused refused) {
                refused(errors, at + ".content", refused);
            }
        }
        return errors.isEmpty() ? List.copyOf(files) : List.of();
    }

    /// Base64 as tools write it: standard or URL-safe, on one line or wrapped (MIME's 76 characters,
    /// `base64`'s 76), padded or not. Any other character is refused, never skipped.
    static byte[] decode(String text) {
        String joined = LINE_BREAKS.matcher(text).replaceAll("");
        boolean urlSafe = joined.indexOf('-') >= 0 || joined.indexOf('_') >= 0;
        return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(joined);
    }

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\r\\n\\t ]+");

    private static void refused(List<FieldError> errors, String field, AttachmentRefused refused) {
        if (refused == null) {
            errors.add(new FieldError(field, field + " 应为 base64 文本", field + " is base64 text"));
            return;
        }
        errors.add(new FieldError(field, refused.message(Locale.SIMPLIFIED_CHINESE), refused.message(Locale.ENGLISH)));
    }
}
