package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.CAMERA;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.VIDEO_ALARM;
import static org.griddesk.store.ticket.TicketRows.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.griddesk.domain.ticket.TicketState;
import org.jooq.DSLContext;

/// A camera's recent 雪亮工程 alarms and its live stream, for the camera's card on the map.
public final class CameraAlarms {
    private final DSLContext dsl;

    public CameraAlarms(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// One alarm the camera raised: the ticket it made or was folded into, and whether it came with a snapshot.
    public record Recent(String alarmId, String alarmType, double confidence, Instant alarmAt, String ticketCode,
                         TicketState ticketState, boolean snapshot) {
    }

    /// The camera's newest alarms first, at most `limit`.
    public List<Recent> recent(String cameraCode, int limit) {
        return dsl.select(VIDEO_ALARM.ALARM_ID, VIDEO_ALARM.ALARM_TYPE, VIDEO_ALARM.CONFIDENCE, VIDEO_ALARM.ALARM_AT, TICKET.CODE,
                        TICKET.STATE, VIDEO_ALARM.SNAPSHOT.isNotNull())
                .from(VIDEO_ALARM).join(TICKET).on(TICKET.ID.eq(VIDEO_ALARM.TICKET_ID))
                .where(VIDEO_ALARM.CAMERA_CODE.eq(cameraCode))
                .orderBy(VIDEO_ALARM.ALARM_AT.desc(), VIDEO_ALARM.ID.desc())
                .limit(limit)
                .fetch(r -> new Recent(r.value1(), r.value2(), r.value3(), instant(r.value4()), r.value5(),
                        TicketState.valueOf(r.value6()), r.value7()));
    }

    /// An alarm's snapshot (JPEG), when it came with one.
    public Optional<byte[]> snapshot(String alarmId) {
        return dsl.select(VIDEO_ALARM.SNAPSHOT).from(VIDEO_ALARM).where(VIDEO_ALARM.ALARM_ID.eq(alarmId))
                .fetchOptional(r -> r.value1());
    }

    /// The camera's live stream, when the district gave one.
    public Optional<String> streamUrl(String cameraCode) {
        return dsl.select(CAMERA.STREAM_URL).from(CAMERA).where(CAMERA.CODE.eq(cameraCode)).fetchOptional(r -> r.value1());
    }
}
