package org.griddesk.desk;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.DatabaseKind;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// The status bar: centre time (Asia/Shanghai), the shift on duty, the database connection and
/// which store the desk runs on. Holds no nodes; the view binds to its read-only properties.
public final class StatusBarViewModel {
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ShiftSchedule.CENTRE_ZONE);

    // Properties
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper(this, "clockText", "");
    private final ReadOnlyStringWrapper shiftText = new ReadOnlyStringWrapper(this, "shiftText", "");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper databaseText = new ReadOnlyStringWrapper(this, "databaseText", "");
    private final ReadOnlyStringWrapper activityText = new ReadOnlyStringWrapper(this, "activityText", "");
    private final ReadOnlyDoubleWrapper activityProgress = new ReadOnlyDoubleWrapper(this, "activityProgress", -1);
    private String activityKey;
    /// while the store is away: "data as of HH:mm:ss", for the banner over the queue (empty otherwise)
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper(this, "staleText", "");
    private Instant dataAsOf;
    /// the embedded store's last backup, `备份：3 小时前`; empty for a store the desk does not back up
    private final ReadOnlyStringWrapper backupText = new ReadOnlyStringWrapper(this, "backupText", "");
    /// the last backup is older than two days, or the last one failed
    private final javafx.beans.property.ReadOnlyBooleanWrapper backupLate =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "backupLate", false);
    private Instant lastBackup;
    private boolean backupFailed;
    /// since when the desk has known that there is no backup yet: a new desk's first one comes within
    /// minutes, so "never" turns late only after an hour
    private Instant noBackupSince;
    private boolean backingUp;
    private final ObjectProperty<ConnectionState> connectionState =
            new SimpleObjectProperty<>(this, "connectionState", ConnectionState.CONNECTING);

    private final ShiftSchedule shifts;
    private final DatabaseKind databaseKind;
    private final String databaseTarget;
    private Messages messages;
    private DateTimeFormatter clockFormat;
    private Instant lastTick = Instant.EPOCH;
    private String failureDetail = "";

    public StatusBarViewModel(Messages messages, ShiftSchedule shifts, DatabaseKind databaseKind, String databaseTarget) {
        this.shifts = shifts;
        this.databaseKind = databaseKind;
        this.databaseTarget = databaseTarget;
        connectionState.addListener((obs, old, now) -> refreshConnection());
        useMessages(messages);
    }

    /// Switches every text to another language.
    public void useMessages(Messages newMessages) {
        this.messages = newMessages;
        this.clockFormat = DateTimeFormatter.ofPattern(messages.get("status.clock.pattern"), messages.language().locale())
                .withZone(ShiftSchedule.CENTRE_ZONE);
        databaseText.set(messages.get(databaseKind == DatabaseKind.H2 ? "status.db.h2" : "status.db.postgresql", databaseTarget));
        refreshConnection();
        showActivity();
        tick(lastTick);
    }

    /// Long background work the user should know of (e.g. generating the demo district), with how
    /// far it is in percent (or -1 when that is not known); a null key clears it.
    public void setActivity(String key, int percent) {
        activityKey = key;
        activityProgress.set(key == null || percent < 0 ? -1 : percent / 100.0);
        showActivity();
    }

    private void showActivity() {
        String text = activityKey == null ? "" : messages.get(activityKey);
        double progress = activityProgress.get();
        activityText.set(progress < 0 ? text : text + " " + Math.round(progress * 100) + "%");
    }

    public ReadOnlyStringProperty activityTextProperty() {
        return activityText.getReadOnlyProperty();
    }

    /// 0–1 while long work reports how far it is, -1 otherwise.
    public ReadOnlyDoubleProperty activityProgressProperty() {
        return activityProgress.getReadOnlyProperty();
    }

    // Commands

    /// Advances the clock; called once a second by the view.
    public void tick(Instant now) {
        lastTick = now;
        clockText.set(messages.get("status.clock", clockFormat.format(now)));
        showBackup(now);
        shiftText.set(messages.get("status.shift", shifts.onDutyAt(now).name(messages.language() == Language.ZH_CN)));
    }

    public void setConnectionState(ConnectionState state) {
        setConnectionState(state, null);
    }

    /// The desk backs its store up: its newest backup was taken `at` (null: none yet), and whether the
    /// last attempt failed.
    public void backupTaken(Instant at, boolean failed) {
        backingUp = true;
        lastBackup = at;
        backupFailed = failed;
        showBackup(lastTick);
    }

    private void showBackup(Instant now) {
        if (!backingUp) {
            return;
        }
        String age = lastBackup == null ? messages.get("status.backup.never")
                : BackupAge.words(java.time.Duration.between(lastBackup, now.isBefore(lastBackup) ? lastBackup : now), messages.language());
        backupText.set(messages.get(backupFailed ? "status.backup.failed" : "status.backup", age));
        if (lastBackup == null && noBackupSince == null && now.isAfter(Instant.EPOCH)) {
            noBackupSince = now; // the first clock tick the desk has seen without a backup
        }
        boolean late = lastBackup == null
                ? noBackupSince != null && java.time.Duration.between(noBackupSince, now).toMinutes() >= 60
                : java.time.Duration.between(lastBackup, now).toHours() >= 48;
        backupLate.set(backupFailed || late);
    }

    public ReadOnlyStringProperty backupTextProperty() {
        return backupText.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty backupLateProperty() {
        return backupLate.getReadOnlyProperty();
    }

    /// A change of connection; `asOf` is when the store last answered (what the desk shows is that
    /// old while it is away).
    public void setConnectionState(ConnectionState state, Instant asOf) {
        if (asOf != null) {
            dataAsOf = asOf;
        }
        if (connectionState.get() == state) {
            refreshConnection();
        } else {
            connectionState.set(state);
        }
    }

    /// The store could not be opened: the reason is shown next to the state.
    public void connectionFailed(String detail) {
        failureDetail = detail == null ? "" : detail;
        if (connectionState.get() == ConnectionState.FAILED) {
            refreshConnection();
        } else {
            connectionState.set(ConnectionState.FAILED);
        }
    }

    private void refreshConnection() {
        ConnectionState state = connectionState.get();
        String text = messages.get("status.connection." + state.name().toLowerCase(Locale.ROOT));
        if (state == ConnectionState.FAILED && !failureDetail.isEmpty()) {
            text = text + " — " + failureDetail;
        }
        connectionText.set(text);
        boolean stale = state == ConnectionState.DISCONNECTED;
        String asOf = dataAsOf == null ? "—" : TIME_OF_DAY.format(dataAsOf);
        staleText.set(stale ? messages.get("status.stale", asOf) : "");
    }

    public ReadOnlyStringProperty clockTextProperty() {
        return clockText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty shiftTextProperty() {
        return shiftText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseTextProperty() {
        return databaseText.getReadOnlyProperty();
    }

    /// Non-empty while the store is away: what the desk shows may be out of date, and since when.
    public ReadOnlyStringProperty staleTextProperty() {
        return staleText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState;
    }
}
