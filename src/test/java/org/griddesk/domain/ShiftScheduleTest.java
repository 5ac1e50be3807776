package org.griddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShiftScheduleTest {
    private final ShiftSchedule twoShifts = ShiftSchedule.defaultSchedule();

    @Test
    void dayShiftRunsFromEightToEightInShanghaiTime() {
        // 00:30 UTC is 08:30 in Shanghai
        assertThat(twoShifts.onDutyAt(Instant.parse("2026-11-26T00:30:00Z")).zhName()).isEqualTo("白班");
        assertThat(twoShifts.onDutyAt(Instant.parse("2026-11-26T11:59:59Z")).zhName()).isEqualTo("白班");
        assertThat(twoShifts.onDutyAt(Instant.parse("2026-11-26T12:00:00Z")).zhName()).isEqualTo("夜班");
    }

    @Test
    void nightShiftRunsOnPastMidnight() {
        // 02:00 in Shanghai belongs to the night shift that started the evening before
        assertThat(twoShifts.onDutyAt(Instant.parse("2026-11-25T18:00:00Z")).enName()).isEqualTo("Night shift");
    }

    @Test
    void threeShiftRotaIsParsedInAnyOrder() {
        ShiftSchedule three = ShiftSchedule.parse("16:00 中班|Evening; 00:00 夜班|Night; 08:00 早班|Morning");
        assertThat(three.shifts()).extracting(Shift::zhName).containsExactly("夜班", "早班", "中班");
        assertThat(three.onDutyAt(Instant.parse("2026-11-26T09:00:00Z")).zhName()).isEqualTo("中班"); // 17:00
    }

    @Test
    void malformedRotasAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ShiftSchedule.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ShiftSchedule.parse("8点 白班|Day")).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> ShiftSchedule.parse("08:00 白班")).hasMessageContaining("08:00 白班|Day shift");
        assertThatThrownBy(() -> ShiftSchedule.parse("08:00 白班|Day; 08:00 早班|Early")).hasMessageContaining("two shifts");
    }
}
