package org.griddesk.desk.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.calendar.HolidayDay;
import org.griddesk.security.CalendarAdministration;
import org.griddesk.security.Session;
import org.griddesk.ui.TaskExecutor;

/// The system administrator's holiday tab without its nodes: a year's days off and swapped working
/// days; a day marked as either (with its holiday's name) or made ordinary again. The service
/// ([CalendarAdministration]) checks the year whole, audits and records it off the FX thread.
public final class HolidayCalendarViewModel implements ShowsOutcome {
    private final CalendarAdministration administration;
    private final Supplier<Session> by;
    private final SecurityTexts texts;
    private final AdminOutcome outcome;

    // Properties
    private final IntegerProperty year = new SimpleIntegerProperty(this, "year");
    private final ObservableList<HolidayDay> days = FXCollections.observableArrayList();
    private final ObjectProperty<HolidayDay> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final BooleanProperty offDay = new SimpleBooleanProperty(this, "offDay", true);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringExpression count;

    /// @param today the day the tab opens on (its year is shown first)
    public HolidayCalendarViewModel(TaskExecutor executor, SecurityTexts texts, CalendarAdministration administration,
                                    Supplier<Session> by, LocalDate today) {
        this.administration = administration;
        this.by = by;
        this.texts = texts;
        this.outcome = new AdminOutcome(executor, () -> texts);
        year.set(today.getYear());
        date.set(today);
        count = Bindings.createStringBinding(() -> texts.get("admin.district.calendar.count", Integer.toString(year.get()),
                days.stream().filter(HolidayDay::offDay).count(), days.stream().filter(d -> !d.offDay()).count()), days, year);
        year.addListener((obs, old, now) -> refresh());
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                date.set(now.date());
                offDay.set(now.offDay());
                name.set(now.name());
            }
        });
    }

    // Commands

    /// Reads the shown year's days again.
    public void refresh() {
        int shown = year.get();
        outcome.call(() -> administration.holidayDays(by.get(), shown), list -> {
            if (shown == year.get()) {
                days.setAll(list);
            }
        });
    }

    /// Marks the form's date as the form says.
    public void mark() {
        LocalDate day = date.get();
        boolean off = offDay.get();
        String holiday = name.get();
        change(() -> administration.markDay(by.get(), day, off, holiday), day,
                () -> texts.get("admin.district.calendar.marked", day, texts.get(off ? "admin.district.calendar.kind.off"
                        : "admin.district.calendar.kind.work"), holiday == null ? "" : holiday.strip()));
    }

    /// Makes the form's date an ordinary day again.
    public void unmark() {
        LocalDate day = date.get();
        change(() -> administration.unmarkDay(by.get(), day), day, () -> texts.get("admin.district.calendar.unmarked", day));
    }

    private void change(Runnable work, LocalDate day, Supplier<String> done) {
        int shown = day == null ? year.get() : day.getYear();
        outcome.call(() -> {
            work.run();
            return administration.holidayDays(by.get(), shown);
        }, list -> {
            if (shown != year.get()) {
                year.set(shown); // reads it again, which is what was just answered
            }
            days.setAll(list);
            selected.set(null);
            outcome.done(done.get());
        });
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    public ObservableList<HolidayDay> days() {
        return days;
    }

    public StringExpression countText() {
        return count;
    }

    public ObjectProperty<HolidayDay> selectedProperty() {
        return selected;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public BooleanProperty offDayProperty() {
        return offDay;
    }

    public StringProperty nameProperty() {
        return name;
    }

    @Override
    public AdminOutcome outcome() {
        return outcome;
    }
}
