package org.griddesk.domain.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/// One 雪亮工程 alarm as a camera's analytics raised it. The first alarm of a camera and type makes a
/// ticket; repeats within the folding window are kept with that ticket and counted.
///
/// @param alarmId    the video platform's own number (unique)
/// @param confidence how sure the analytics were, 0 to 1
/// @param snapshot   the JPEG it came with, or null
public record VideoAlarm(String alarmId, String cameraCode, String alarmType, double confidence, Instant alarmAt,
                         byte[] snapshot) {
    public VideoAlarm {
        if (alarmId == null || cameraCode == null || alarmType == null || alarmAt == null) {
            throw new IllegalArgumentException("an alarm needs its id, camera, type and time");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence is between 0 and 1");
        }
        alarmAt = alarmAt.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "VideoAlarm[" + alarmId + ", " + cameraCode + ", " + alarmType + ", " + alarmAt + ", snapshot "
                + (snapshot == null ? 0 : snapshot.length) + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoAlarm a && a.alarmId.equals(alarmId) && a.cameraCode.equals(cameraCode)
                && a.alarmType.equals(alarmType) && a.confidence == confidence && a.alarmAt.equals(alarmAt)
                && Arrays.equals(a.snapshot, snapshot);
    }

    @Override
    public int hashCode() {
        return alarmId.hashCode();
    }
}
