package org.griddesk.supervise.patrol;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.patrol.AbsentWorkers;
import org.griddesk.store.patrol.PatrolIngest;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// The list of grid workers with neither a patrol nor a visit on a day, for the signed-in person's
/// centre (a town centre: its town; the district centre: the district). Read off the FX thread.
final class AbsentWorkersViewModel {
    // Properties
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ObservableList<AbsentWorkers.Absent> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");

    private final Supplier<Database> store;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages words;
    private final Clock clock;

    AbsentWorkersViewModel(Supplier<Database> store, Session session, TaskExecutor executor, Messages words, Clock clock) {
        this.store = store;
        this.session = session;
        this.executor = executor;
        this.words = words;
        this.clock = clock;
        day.set(clock.instant().atZone(PatrolIngest.DAY_ZONE).toLocalDate());
    }

    ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    ObservableList<AbsentWorkers.Absent> rows() {
        return rows;
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    Messages words() {
        return words;
    }

    // Commands

    /// Reads the list of the day shown.
    void load() {
        LocalDate shown = day.get();
        Database db = store.get();
        if (shown == null || db == null) {
            return;
        }
        message.set(words.get("absent.loading"));
        record Read(boolean town, boolean working, List<AbsentWorkers.Absent> absent) {
        }
        executor.submit(() -> {
            var calendar = new CalendarRepository(db.dsl(), clock).workCalendar();
            AbsentWorkers list = new AbsentWorkers(db.dsl(), calendar);
            String town = list.townOf(session.unitId());
            return new Read(town != null, calendar.isWorkingDay(shown), list.of(town, shown));
        }, read -> {
            if (!shown.equals(day.get())) {
                return; // another day was asked for meanwhile
            }
            heading.set(words.get(read.town() ? "absent.heading.town" : "absent.heading.district"));
            rows.setAll(read.absent());
            message.set(read.working() ? words.get("absent.count", shown.toString(), read.absent().size())
                    : words.get("absent.dayOff", shown.toString()));
        }, failure -> message.set(words.get("absent.failed", failure.getMessage())));
    }
}
