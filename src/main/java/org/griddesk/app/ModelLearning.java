package org.griddesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.domain.calendar.DayKind;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.learn.BreachModels;
import org.griddesk.learn.ItemModels;
import org.griddesk.learn.ModelSlot;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.learn.BreachCases;
import org.griddesk.store.learn.ItemExamples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The desk's learnt models (items, breach risk): read from the data folder when the store opens
/// and handed to the core; each trained again in the background when there is none or it is a week
/// old — looked at [#FIRST_LOOK_MINUTES] after the start (a new demo store has written its history
/// by then) and every [#LOOK_EVERY_HOURS] hours. On its own low-priority thread: the desk never
/// waits, and keeps the model it has (or its simple rule) when training fails.
final class ModelLearning implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModelLearning.class);
    static final long FIRST_LOOK_MINUTES = 10;
    static final long LOOK_EVERY_HOURS = 6;

    private final ScheduledExecutorService timer = BackgroundTimer.named("model-learning");
    private final DeskCore core;
    private final ItemModels items;
    private final BreachModels breach;
    private final Clock clock;

    private ModelLearning(DeskCore core, ItemModels items, BreachModels breach, Clock clock) {
        this.core = core;
        this.items = items;
        this.breach = breach;
        this.clock = clock;
    }

    /// Reads the data folder's models (quick file reads, off the FX thread) and starts looking.
    static ModelLearning start(DeskCore core, Path dataFolder, Clock clock) {
        ItemModels items = ItemModels.in(dataFolder);
        BreachModels breach = BreachModels.in(dataFolder);
        core.useItemModels(items);
        core.useBreachModels(breach);
        ModelLearning learning = new ModelLearning(core, items, breach, clock);
        learning.timer.scheduleWithFixedDelay(learning::trainWhenDue, FIRST_LOOK_MINUTES, LOOK_EVERY_HOURS * 60, TimeUnit.MINUTES);
        return learning;
    }

    void trainWhenDue() {
        // the suggestions and the queue read the slots' current models: nothing else to tell
        trainWhenDue(items, "item", () -> items.retrain(() -> new ItemExamples(core.database().dsl()).reportedBefore(clock.instant()),
                clock.instant()));
        trainWhenDue(breach, "breach-risk", () -> {
            WorkCalendar calendar = new CalendarRepository(core.database().dsl(), clock).workCalendar();
            breach.retrain(() -> new BreachCases(core.database().dsl()).all(), clock.instant(), d -> calendar.kindOf(d) == DayKind.HOLIDAY);
        });
    }

    private void trainWhenDue(ModelSlot<?> slot, String kind, Runnable training) {
        slot.reloadIfNewer(); // `griddesk learn` may have written one meanwhile
        if (!slot.due(clock.instant())) {
            return;
        }
        try {
            training.run();
        } catch (IllegalArgumentException tooFew) {
            log.info("no {} model trained: {}", kind, tooFew.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            // caught so that the schedule goes on: the next look tries again
            log.warn("the {} model could not be trained; the desk keeps {}", kind, slot.current().isPresent()
                    ? "the model it has" : "its simple rule", e);
        }
    }

    /// Stops looking; a training under way is given a few seconds to finish before the store closes.
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
