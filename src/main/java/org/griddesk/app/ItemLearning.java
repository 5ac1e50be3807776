package org.griddesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.learn.ItemModels;
import org.griddesk.store.learn.ItemExamples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The desk's item model: read from the data folder when the store opens and handed to the core;
/// trained again in the background when there is none or it is a week old — looked at
/// [#FIRST_LOOK_MINUTES] after the start (a new demo store has written its history by then) and
/// every [#LOOK_EVERY_HOURS] hours. On its own low-priority thread: the desk never waits, and
/// keeps the model it has (or its simple guess) when training fails.
final class ItemLearning implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ItemLearning.class);
    static final long FIRST_LOOK_MINUTES = 10;
    static final long LOOK_EVERY_HOURS = 6;

    private final ScheduledExecutorService timer = BackgroundTimer.named("item-learning");
    private final DeskCore core;
    private final ItemModels models;
    private final Clock clock;

    private ItemLearning(DeskCore core, ItemModels models, Clock clock) {
        this.core = core;
        this.models = models;
        this.clock = clock;
    }

    /// Reads the data folder's model (a quick file read, off the FX thread) and starts looking.
    static ItemLearning start(DeskCore core, Path dataFolder, Clock clock) {
        ItemModels models = ItemModels.in(dataFolder);
        core.useItemModels(models);
        ItemLearning learning = new ItemLearning(core, models, clock);
        learning.timer.scheduleWithFixedDelay(learning::trainWhenDue, FIRST_LOOK_MINUTES, LOOK_EVERY_HOURS * 60, TimeUnit.MINUTES);
        return learning;
    }

    void trainWhenDue() {
        models.reloadIfNewer(); // `griddesk learn items` may have written one meanwhile
        if (!models.due(clock.instant())) {
            return;
        }
        try {
            // the suggestions read the models' current one: nothing else to tell
            models.retrain(() -> new ItemExamples(core.database().dsl()).reportedBefore(clock.instant()), clock.instant());
        } catch (IllegalArgumentException tooFew) {
            log.info("no item model trained: {}", tooFew.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            // caught so that the schedule goes on: the next look tries again
            log.warn("the item model could not be trained; the desk keeps {}", models.current().isPresent()
                    ? "the model it has" : "guessing items from their names", e);
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
