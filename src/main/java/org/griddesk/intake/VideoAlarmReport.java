package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.VideoAlarm;

/// A 雪亮工程 video alarm (JSON): `alarmId`, `cameraCode`, `alarmType` (what the analytics saw, e.g.
/// `占道经营`), `confidence` (0 to 1), `alarmAt`, `snapshot` (the JPEG, base64, at most 2 MB),
/// optional `content`. Where it is comes from the camera; a `point` given overrides it. See docs/api.md.
public final class VideoAlarmReport {
    static final int MAX_SNAPSHOT = 2 * 1024 * 1024;
    static final int MAX_TYPE = 40;

    /// The alarm and the request it makes, or the reasons it cannot be taken.
    public record Parsed(Intake intake, VideoAlarm alarm, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private VideoAlarmReport() {
    }

    /// `cameraPlace` gives a camera's point (empty for a camera the district does not know: the
    /// alarm is still taken, for a person to place).
    public static Parsed parse(JsonNode body, Instant now, Function<String, Optional<Place>> cameraPlace) {
        List<FieldError> errors = new ArrayList<>();
        if (!Fields.isObject(body, errors)) {
            return new Parsed(null, null, errors);
        }
        String alarmId = Fields.identifier(body, "alarmId", GridReport.MAX_ID, errors);
        String camera = Fields.identifier(body, "cameraCode", 30, errors);
        String type = Fields.text(body, "alarmType", true, MAX_TYPE, errors);
        double confidence = Fields.number(body, "confidence", 0, 1, 1, errors);
        Instant at = Fields.instant(body, "alarmAt", now, errors);
        String content = Fields.text(body, "content", false, HotlineOrder.MAX_CONTENT, errors);
        Place given = Fields.place(body, errors);
        byte[] snapshot = snapshot(body.path("snapshot"), errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, null, List.copyOf(errors));
        }
        Place place = given != null && given.hasPoint() ? given : cameraPlace.apply(camera).orElse(given);
        String summary = content != null ? content
                : "视频告警：" + type + "（摄像头 " + camera + "，置信度 " + Math.round(confidence * 100) + "%）";
        return new Parsed(new Intake(Channel.VIDEO, alarmId, summary, null, at, null, place),
                new VideoAlarm(alarmId, camera, type, confidence, at, snapshot), List.of());
    }

    /// The JPEG, or null when none was sent; at most [#MAX_SNAPSHOT] bytes.
    private static byte[] snapshot(JsonNode node, List<FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        // base64 is 4 characters per 3 bytes: refuse an oversized one before decoding it
        if (!node.isTextual() || node.asText().length() > (MAX_SNAPSHOT / 3 + 1) * 4 + 8) {
            errors.add(new FieldError("snapshot", "抓拍图应为不超过 2 MB 的 JPEG（base64）", "snapshot is a JPEG of at most 2 MB, base64"));
            return null;
        }
        try {
            byte[] jpeg = Base64.getDecoder().decode(node.asText());
            boolean isJpeg = jpeg.length > 4 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8 && (jpeg[2] & 0xff) == 0xff;
            if (!isJpeg || jpeg.length > MAX_SNAPSHOT) {
                errors.add(new FieldError("snapshot", "抓拍图应为不超过 2 MB 的 JPEG 图片", "snapshot must be a JPEG picture of at most 2 MB"));
                return null;
            }
            return jpeg;
        } catch (IllegalArgumentException notBase64) {
            errors.add(new FieldError("snapshot", "抓拍图不是有效的 base64", "snapshot is not valid base64"));
            return null;
        }
    }
}
