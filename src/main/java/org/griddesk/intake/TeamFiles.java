package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.PlainText;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentRefused;

/// Files of the team API sent one at a time, so that a handled report with nine phone photos of
/// 10 MB each is never one body of 120 MB of base64: `POST /api/v1/team/files?name=…` takes one
/// file's raw bytes (its own body limit, [#MAX_BODY], instead of the gateway's 4 MB) and answers its
/// `sha256:` ref; the handled report's `files` names the refs. The same bytes uploaded twice are one
/// upload. What is checked, and when uploads go, is [TeamFeedback#upload]'s.
final class TeamFiles {
    static final String PATH = "/api/v1/team/files";
    static final String FIELD = "files";
    /// the largest body the upload route takes: one file as the desk takes it
    static final long MAX_BODY = Attachment.MAX_BYTES;
    private static final Pattern REF = Pattern.compile("sha256:[0-9a-f]{64}");

    private TeamFiles() {
    }

    /// Answers the upload: 201 with the ref for new bytes, 200 for bytes the team uploaded before,
    /// 413 for a file over 10 MB (by its declared length, before a byte is read), 400 for a file
    /// refused by its bytes.
    static void upload(Context ctx, TeamFeedback feedback, Unit team) {
        String name = ctx.queryParam("name");
        if (name != null && (name.length() > Attachment.MAX_NAME || !PlainText.fileName(name))) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(List.of(new FieldError("name",
                    "文件名至多 " + Attachment.MAX_NAME + " 个字符，为一行可见文字（无控制字符、不可见字符、无效 UTF-8 或路径符号 / \\）",
                    "a file name is at most " + Attachment.MAX_NAME + " characters of plain visible text on one line (no control or"
                            + " invisible characters, no invalid UTF-8, no path separators / or \\)"))));
            return;
        }
        if (ctx.contentLength() > MAX_BODY) {
            tooLarge(ctx, AttachmentRefused.tooLargeFile(name == null ? "" : name, ctx.contentLength()));
            return;
        }
        Optional<byte[]> bytes = bytes(ctx);
        if (bytes.isEmpty()) {
            return;
        }
        if (bytes.get().length > MAX_BODY) { // chunked: no length said beforehand
            tooLarge(ctx, AttachmentRefused.tooLargeFile(name == null ? "" : name, bytes.get().length));
            return;
        }
        try {
            TeamFeedback.Uploaded uploaded = feedback.upload(team, name, bytes.get());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("file", uploaded.file().ref());
            answer.put("name", uploaded.file().name());
            answer.put("type", uploaded.file().type().mediaType());
            answer.put("size", uploaded.file().size());
            ctx.status(uploaded.fresh() ? HttpStatus.CREATED : HttpStatus.OK).json(answer);
        } catch (AttachmentRefused refused) {
            if (refused.key().equals("evidence.refused.held")) {
                ctx.status(HttpStatus.TOO_MANY_REQUESTS).json(Gateway.error("uploads_held",
                        refused.message(Locale.SIMPLIFIED_CHINESE) + " / " + refused.message(Locale.ENGLISH)));
                return;
            }
            ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(List.of(new FieldError("file",
                    refused.message(Locale.SIMPLIFIED_CHINESE), refused.message(Locale.ENGLISH)))));
        }
    }

    /// At most one byte more than [#MAX_BODY] of the body, or empty when its client broke off (answered).
    private static Optional<byte[]> bytes(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            return Optional.of(in.readNBytes((int) MAX_BODY + 1));
        } catch (IOException | RuntimeException e) {
            if (!RequestBody.brokenOff(e)) {
                throw new IllegalStateException("could not read an upload", e);
            }
            RequestBody.answerBrokenOff(ctx, e);
            return Optional.empty();
        }
    }

    private static void tooLarge(Context ctx, AttachmentRefused refused) {
        ctx.status(HttpStatus.CONTENT_TOO_LARGE).json(Gateway.error("too_large",
                refused.message(Locale.SIMPLIFIED_CHINESE) + " / " + refused.message(Locale.ENGLISH)));
    }

    /// The handled report's `files`: refs of this team's uploads, each found and checked again as an
    /// attachment; a ref never uploaded by the team (or pruned after a day) is an error naming it.
    static List<Attachment> parse(JsonNode body, Function<String, Optional<Attachment>> uploaded, List<FieldError> errors) {
        List<JsonNode> node = Fields.elements(body, FIELD, Attachment.MAX_PER_REPORT, "已上传文件（sha256:…）", "uploaded files (sha256:…)",
                errors);
        List<Attachment> files = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = FIELD + "[" + i + "]";
            JsonNode ref = node.get(i);
            if (!ref.isTextual() || !REF.matcher(ref.asText()).matches()) {
                errors.add(new FieldError(at, at + " 应为上传时得到的 sha256:（64 位小写十六进制）",
                        at + " is the sha256:… (64 lowercase hex digits) the upload answered"));
                continue;
            }
            try {
                Optional<Attachment> file = uploaded.apply(Attachment.digestOf(ref.asText()).orElseThrow());
                if (file.isEmpty()) {
                    errors.add(new FieldError(at, at + "：本队伍未上传过此文件，或上传已超过一天被清理，请先上传 " + PATH,
                            at + ": this team uploaded no such file, or it was pruned after a day: upload it first to " + PATH));
                } else {
                    files.add(file.get());
                }
            } catch (AttachmentRefused refused) { // checked at its upload; only a stricter rule since refuses it
                errors.add(new FieldError(at, refused.message(Locale.SIMPLIFIED_CHINESE), refused.message(Locale.ENGLISH)));
            }
        }
        return errors.isEmpty() ? List.copyOf(files) : List.of();
    }
}
