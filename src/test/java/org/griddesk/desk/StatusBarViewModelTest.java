package org.griddesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.DatabaseKind;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
    private static final Instant THURSDAY_MORNING = Instant.parse("2026-11-26T02:00:00Z"); // 10:00 in Shanghai

    private final StatusBarViewModel status = new StatusBarViewModel(Messages.of(Language.ZH_CN),
            ShiftSchedule.defaultSchedule(), DatabaseKind.H2, "file:/data/griddesk/db/griddesk");

    @Test
    void clockShowsShanghaiTimeWithTheWeekdayAndTheShiftOnDuty() {
        status.tick(THURSDAY_MORNING);
        assertThat(status.clockTextProperty().get()).isEqualTo("北京时间 2026-11-26 星期四 10:00:00");
        assertThat(status.shiftTextProperty().get()).isEqualTo("当班：白班");

        status.tick(Instant.parse("2026-11-26T13:30:00Z")); // 21:30
        assertThat(status.shiftTextProperty().get()).isEqualTo("当班：夜班");
    }

    @Test
    void theLastBackupsAgeShowsOnceTheDeskBacksUpAndTurnsLateAfterTwoDaysOrAFailure() {
        status.tick(THURSDAY_MORNING);
        assertThat(status.backupTextProperty().get()).as("a desk that does not back up says nothing").isEmpty();
        status.backupTaken(null, false);
        assertThat(status.backupTextProperty().get()).isEqualTo("备份：从未");
        assertThat(status.backupLateProperty().get()).as("a new desk's first backup comes within minutes").isFalse();
        status.tick(THURSDAY_MORNING.plus(java.time.Duration.ofMinutes(59)));
        assertThat(status.backupLateProperty().get()).isFalse();
        status.tick(THURSDAY_MORNING.plus(java.time.Duration.ofMinutes(60)));
        assertThat(status.backupLateProperty().get()).as("an hour with no backup at all").isTrue();
        status.tick(THURSDAY_MORNING);
        status.backupTaken(THURSDAY_MORNING.minus(java.time.Duration.ofHours(3)), false);
        assertThat(status.backupTextProperty().get()).isEqualTo("备份：3 小时前");
        assertThat(status.backupLateProperty().get()).isFalse();
        status.tick(THURSDAY_MORNING.plus(java.time.Duration.ofDays(2)));
        assertThat(status.backupTextProperty().get()).as("the age follows the clock").isEqualTo("备份：2 天前");
        assertThat(status.backupLateProperty().get()).isTrue();
        status.backupTaken(THURSDAY_MORNING, true);
        assertThat(status.backupTextProperty().get()).isEqualTo("备份失败（上次成功：2 天前）");
    }

    @Test
    void connectionStartsConnectingAndFollowsTheStore() {
        assertThat(status.connectionTextProperty().get()).isEqualTo("数据库：正在连接…");
        status.setConnectionState(ConnectionState.CONNECTED);
        assertThat(status.connectionTextProperty().get()).isEqualTo("数据库：已连接");
        status.setConnectionState(ConnectionState.DISCONNECTED);
        assertThat(status.connectionTextProperty().get()).contains("连接中断");
        status.connectionFailed("wrong password");
        assertThat(status.connectionStateProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(status.connectionTextProperty().get()).isEqualTo("数据库：无法打开 — wrong password");
    }

    @Test
    void switchingLanguageRewritesEveryTextAndKeepsTheState() {
        status.tick(THURSDAY_MORNING);
        status.setConnectionState(ConnectionState.CONNECTED);

        status.useMessages(Messages.of(Language.EN));

        assertThat(status.clockTextProperty().get()).isEqualTo("Beijing time Thu 2026-11-26 10:00:00");
        assertThat(status.shiftTextProperty().get()).isEqualTo("On duty: Day shift");
        assertThat(status.connectionTextProperty().get()).isEqualTo("Database: connected");
        assertThat(status.databaseTextProperty().get()).isEqualTo("Embedded H2 (single desk) · file:/data/griddesk/db/griddesk");
    }

    @Test
    void longWorkShowsItsStepAndHowFarItIsThenClears() {
        status.setActivity("status.activity.saving", -1);
        assertThat(status.activityTextProperty().get()).isEqualTo("首次启动：正在写入演示区数据…");
        assertThat(status.activityProgressProperty().get()).isEqualTo(-1);

        status.setActivity("status.activity.history", 42);
        assertThat(status.activityTextProperty().get()).isEqualTo("首次启动：正在写入两年历史工单… 42%");
        assertThat(status.activityProgressProperty().get()).isEqualTo(0.42);
        status.useMessages(Messages.of(Language.EN));
        assertThat(status.activityTextProperty().get()).isEqualTo("First start: writing two years of tickets… 42%");

        status.setActivity(null, -1);
        assertThat(status.activityTextProperty().get()).isEmpty();
        assertThat(status.activityProgressProperty().get()).isEqualTo(-1);
    }
}
