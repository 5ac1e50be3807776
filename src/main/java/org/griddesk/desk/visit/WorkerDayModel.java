package org.griddesk.desk.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.visit.VisitDue;
import org.griddesk.domain.visit.VisitRefused;
import org.griddesk.geo.Region;
import org.griddesk.security.Session;
import org.griddesk.store.visit.WorkerDayRecords.Photo;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;
import org.griddesk.visit.WorkerDay;
import org.griddesk.visit.WorkerDays;

/// One grid worker's day as the desk shows it: the day read through [WorkerDays] (which decides who
/// may see it) on the executor, never the FX thread; the open tasks as rows; the photos of the
/// visit or check picked. A refusal shows in words and leaves what was shown.
public final class WorkerDayModel {
    /// One open task: a visit owed, a report to verify or a handled ticket to check.
    public record TaskRow(Kind kind, String subject, String due, String status) {
        public enum Kind { VISIT, VERIFY, CHECK }
    }

    /// A photo made small for the strip: decoded on the executor, not on the FX thread (a photo is up
    /// to 2 MB); `image` is null for bytes the toolkit cannot read (the strip shows the file name).
    public record Thumbnail(String fileName, javafx.scene.image.Image image) {
        static final double SIZE = 150;

        static Thumbnail of(Photo photo) {
            var image = new javafx.scene.image.Image(new java.io.ByteArrayInputStream(photo.content()), SIZE, SIZE, true, true);
            return new Thumbnail(photo.fileName(), image.isError() ? null : image);
        }
    }

    private final TaskExecutor executor;
    private final WorkerDays days;
    private final Session session;
    private final Region grid;
    private final Messages texts;
    private final ObjectProperty<LocalDate> day;
    private final ObjectProperty<WorkerDay> shown = new SimpleObjectProperty<>(this, "shown");
    private final ObservableList<TaskRow> tasks = FXCollections.observableArrayList();
    private final ObservableList<Thumbnail> photos = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private int reads;

    /// `texts`: the worker's-day bundle (i18n/workerday).
    public WorkerDayModel(TaskExecutor executor, WorkerDays days, Session session, Region grid, Messages texts, Clock clock) {
        this.executor = executor;
        this.days = days;
        this.session = session;
        this.grid = grid;
        this.texts = texts;
        this.day = new SimpleObjectProperty<>(this, "day", WorkCalendar.localDate(clock.instant()));
        day.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old)) {
                load();
            }
        });
    }

    public Region grid() {
        return grid;
    }

    /// Reads the day picked (the newest read wins when days are picked quickly one after another).
    public void load() {
        LocalDate of = day.get();
        int read = ++reads;
        busy.set(true);
        executor.submit(() -> days.day(session, grid.code(), of), result -> {
            if (read == reads) {
                show(result);
            }
        }, this::refused);
    }

    /// Reads the photos of a visit (`ofVisit`) or a check; none asked when it has none.
    public void photosOf(boolean ofVisit, long id, int count) {
        photos.clear();
        if (count == 0) {
            return;
        }
        executor.submit(() -> days.photos(session, grid.code(), ofVisit, id).stream().map(Thumbnail::of).toList(), photos::setAll,
                this::refused);
    }

    private void show(WorkerDay read) {
        busy.set(false);
        message.set("");
        tasks.setAll(rows(read));
        photos.clear();
        shown.set(read);
    }

    private void refused(Throwable failure) {
        busy.set(false);
        message.set(failure instanceof VisitRefused r ? r.message(texts.language().locale())
                : texts.get("workerday.loading") + " " + failure.getMessage());
    }

    /// The tasks as the worker's app lists them: visits owed (overdue first), then reports to verify
    /// and handled tickets to check, oldest first.
    private List<TaskRow> rows(WorkerDay read) {
        List<TaskRow> rows = new ArrayList<>();
        for (VisitDue due : read.tasks().visits()) {
            String status = due.reason() == VisitDue.Reason.MAJOR_EVENT ? texts.get("workerday.task.event")
                    : texts.get(due.overdue() ? "workerday.task.overdue" : "workerday.task.due");
            if (due.overdue() && due.reason() == VisitDue.Reason.MAJOR_EVENT) {
                status = status + " · " + texts.get("workerday.task.overdue");
            }
            // a routine visit is due by the last day of its period; an event's within its 24 hours
            String by = due.reason() == VisitDue.Reason.MAJOR_EVENT ? WorkerDayCard.TIME.format(due.dueBy())
                    : WorkerDayCard.DAY.format(due.dueBy().minusSeconds(1));
            rows.add(new TaskRow(TaskRow.Kind.VISIT, read.household(due.householdId()) + " · "
                    + texts.get("workerday.category." + due.category().name()), by, status));
        }
        for (Ticket t : read.tasks().verifications()) {
            rows.add(new TaskRow(TaskRow.Kind.VERIFY, t.code() + " " + t.intake().summary(), "",
                    texts.get("workerday.task.reported", WorkerDayCard.TIME.format(t.intake().reportedAt()))));
        }
        for (Ticket t : read.tasks().checks()) {
            java.time.Instant handled = t.milestones().handledAt();
            rows.add(new TaskRow(TaskRow.Kind.CHECK, t.code() + " " + t.intake().summary(), "",
                    handled == null ? "" : texts.get("workerday.task.handled", WorkerDayCard.TIME.format(handled))));
        }
        return rows;
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObjectProperty<WorkerDay> shownProperty() {
        return shown;
    }

    public ObservableList<TaskRow> tasks() {
        return tasks;
    }

    public ObservableList<Thumbnail> photos() {
        return photos;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
