package org.griddesk.desk.timers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.store.Database;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.supervise.TimerLists;
import org.griddesk.store.supervise.TimerReader;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Keeps a centre's [TimerLists] current: read in the background when the store changes (the desk's
/// queue was read again), at most one read at a time and at most every [#AT_MOST_EVERY] — a burst
/// of changes is one read; and every [#READ_AGAIN_EVERY] however quiet the store, since a ticket
/// joins a list (citizen not contacted in time, callback not made) by time passing alone. Between
/// reads the boards count down from the deadlines read, on the clock's tick, without the store.
public final class TimerWatch {
    private static final Logger log = LoggerFactory.getLogger(TimerWatch.class);
    /// the least time between two reads
    public static final Duration AT_MOST_EVERY = Duration.ofSeconds(1);
    /// the most time between two reads: how late a ticket that turned late on a quiet night shows
    public static final Duration READ_AGAIN_EVERY = Duration.ofMinutes(1);

    private final TaskExecutor executor;
    private final Supplier<Database> store;
    private final Supplier<TimingPolicies> policies;
    private final ShiftSchedule shifts;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<TimerLists> lists = new ReadOnlyObjectWrapper<>(this, "lists", TimerLists.NONE);
    private final List<Consumer<TimerLists>> readers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile String centreId;
    private volatile boolean watching;
    private volatile WorkCalendar calendar;
    private volatile long lastRead;
    /// the periodic read of the latest [#watch] (an earlier one stops)
    private long rounds;

    public TimerWatch(TaskExecutor executor, Supplier<Database> store, Supplier<TimingPolicies> policies, ShiftSchedule shifts,
                      Clock clock) {
        this.executor = executor;
        this.store = store;
        this.policies = policies;
        this.shifts = shifts;
        this.clock = clock;
    }

    /// the lists last read (changes on the UI thread; empty while nobody is watched)
    public ReadOnlyObjectProperty<TimerLists> listsProperty() {
        return lists.getReadOnlyProperty();
    }

    /// `reader` hears each read on the reading thread (never the UI thread's)
    public void onRead(Consumer<TimerLists> reader) {
        readers.add(reader);
    }

    /// Watches the tickets of `centre` (null: nobody seated, nothing shown). On the UI thread.
    public void watch(String centre, boolean any) {
        this.centreId = centre;
        this.watching = any;
        lists.set(TimerLists.NONE);
        changed();
        long round = ++rounds;
        if (any) {
            executor.runOnUiAfter(READ_AGAIN_EVERY, () -> readAgain(round));
        }
    }

    private void readAgain(long round) {
        if (round != rounds || !watching) {
            return;
        }
        changed();
        executor.runOnUiAfter(READ_AGAIN_EVERY, () -> readAgain(round));
    }

    /// The store changed: read again (now, or after the read under way).
    public void changed() {
        if (!watching || store.get() == null) {
            return;
        }
        if (!reading.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        String centre = centreId;
        long wait = Math.max(0, lastRead + AT_MOST_EVERY.toMillis() - System.currentTimeMillis());
        if (wait > 0) {
            executor.runOnUiAfter(java.time.Duration.ofMillis(wait), () -> readNow(centre));
        } else {
            readNow(centre);
        }
    }

    private void readNow(String centre) {
        if (!watching) { // nobody is watched any more: the read held back is not made
            reading.set(false);
            return;
        }
        executor.submit(() -> read(centre), read -> {
            lastRead = System.currentTimeMillis();
            reading.set(false);
            if (watching && java.util.Objects.equals(centre, centreId) && !read.equals(lists.get())) {
                lists.set(read); // the same lists read again (a quiet minute) leave the boards as they are
            }
            if (again.get()) {
                changed();
            }
        }, failure -> {
            reading.set(false);
            log.debug("timers not read this time: {}", failure.getMessage());
        });
    }

    private TimerLists read(String centre) {
        Database db = store.get();
        WorkCalendar cal = calendar;
        if (cal == null) {
            cal = new CalendarRepository(db.dsl(), clock).workCalendar();
            calendar = cal;
        }
        Instant now = clock.instant();
        Instant shiftStart = shifts.startOfShiftAt(now);
        TimerLists read = new TimerReader(db.dsl(), cal).read(centre, policies.get(), shiftStart, now);
        readers.forEach(r -> r.accept(read));
        return read;
    }
}
