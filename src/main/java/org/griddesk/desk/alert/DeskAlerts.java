package org.griddesk.desk.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.store.supervise.TimerLists;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The desk's desktop notifications: hears each read of the queue and of the centre's timers (on the
/// readers' threads), hands them to [AlertRules] on its own thread, looks again every second (an
/// open whistle turns late, a gathered burst falls due) and shows what the rules say with ControlsFX
/// on the UI thread, optionally with the system's beep. The UI thread never waits for any of it.
public final class DeskAlerts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeskAlerts.class);
    /// how long a notification stays on screen
    static final Duration SHOWN_FOR = Duration.seconds(15);

    private final AlertRules rules;
    private final TaskExecutor executor;
    private final Clock clock;
    private final boolean sound;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("griddesk:alerts").daemon().factory());
    private volatile Predicate<QueueItem> scope = i -> false;
    private volatile List<TimerLists.WhistleLine> whistles = List.of();
    private volatile Messages messages;
    private volatile Window owner;
    private volatile LongConsumer open = id -> { };
    private volatile BooleanProperty muted;
    /// the newest read of the queue not looked at yet
    private final AtomicReference<Read> newestRows = new AtomicReference<>();

    private record Read(List<QueueItem> rows, Instant at, Predicate<QueueItem> scope) {
    }
    /// muted at the last look (the alerts thread's)
    private boolean wasMuted;

    public DeskAlerts(AlertRules rules, TaskExecutor executor, Messages messages, boolean sound, Clock clock) {
        this.rules = rules;
        this.executor = executor;
        this.messages = messages;
        this.sound = sound;
        this.clock = clock;
        thread.scheduleWithFixedDelay(this::look, 1, 1, TimeUnit.SECONDS);
    }

    /// Shows the notifications over `window`; a click opens the ticket named first.
    public DeskAlerts showingOver(Window window, LongConsumer openTicket) {
        this.owner = window;
        this.open = openTicket;
        return this;
    }

    public void useMessages(Messages m) {
        this.messages = m;
    }

    /// Follows the "mute for the shift" toggle (UI thread): on mutes until the next shift, which
    /// turns it off again by itself.
    public void followMute(BooleanProperty toggle) {
        this.muted = toggle;
        toggle.addListener((obs, was, on) -> {
            Instant now = clock.instant();
            run(() -> {
                if (on) {
                    rules.muteForShift(now);
                } else {
                    rules.unmute();
                }
            });
        });
    }

    /// Someone else sits at the desk (UI thread): their scope from now on, nothing of the last one's said.
    public void useScope(Predicate<QueueItem> sees) {
        scope = sees;
        whistles = List.of();
        run(rules::reset);
    }

    /// The open queue was read (any thread but the UI's): looked at on the alerts thread. Each read is
    /// the whole queue, so when reads come faster than they are looked at only the newest is (a ticket
    /// that came and went between two looks is not news any more).
    public void rowsRead(List<QueueItem> rows, Instant at) {
        if (newestRows.getAndSet(new Read(rows, at, scope)) == null) {
            run(this::lookAtRows);
        }
    }

    private void lookAtRows() {
        Read read = newestRows.getAndSet(null);
        if (read != null) {
            rules.rows(read.rows(), read.scope(), read.at());
        }
    }

    /// The centre's timers were read (any thread): their whistles are looked at every second.
    public void timersRead(TimerLists lists) {
        whistles = lists.whistles();
        run(this::look);
    }

    private void look() {
        try {
            Instant now = clock.instant();
            rules.whistles(whistles, now);
            boolean mutedNow = rules.mutedAt(now);
            BooleanProperty toggle = muted;
            if (toggle != null && wasMuted && !mutedNow) {
                executor.runOnUi(() -> toggle.set(false)); // the next shift began
            }
            wasMuted = mutedNow;
            rules.poll(now).ifPresent(this::show);
        } catch (RuntimeException e) {
            log.warn("notifications: {}", e.getMessage());
        }
    }

    private void show(AlertDigest digest) {
        Messages m = messages;
        String title = digest.title(m);
        String text = digest.text(m);
        long first = digest.firstTicketId();
        log.info("notification: {}", text.replace('\n', ' '));
        executor.runOnUi(() -> {
            Notifications n = Notifications.create().title(title).text(text).position(Pos.TOP_RIGHT).hideAfter(SHOWN_FOR)
                    .onAction(e -> open.accept(first));
            if (owner != null && owner.isShowing()) {
                n.owner(owner);
            }
            n.showWarning();
        });
        if (sound) {
            beep();
        }
    }

    /// the system's beep (AWT's; nothing where there is none, e.g. headless)
    private static void beep() {
        try {
            java.awt.Toolkit.getDefaultToolkit().beep();
        } catch (RuntimeException | Error e) {
            log.debug("no beep here: {}", e.toString());
        }
    }

    private void run(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException e) {
            log.debug("closed: not looked at");
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
