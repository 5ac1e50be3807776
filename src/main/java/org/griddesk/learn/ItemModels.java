package org.griddesk.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The item model a desk or gateway uses: read from the data folder's `models/items.model` when it
/// starts, trained again on demand or when it is older than [#RETRAIN_AFTER], and swapped in whole.
/// With no usable model (none yet, damaged, of an older format) [#current()] is empty and the caller
/// falls back to its simple guess; the reason is logged once. Thread-safe.
public final class ItemModels {
    private static final Logger log = LoggerFactory.getLogger(ItemModels.class);
    /// where the model lives inside the data folder
    public static final String FILE = "models/items.model";
    /// a model older than this is trained again in the background
    public static final Duration RETRAIN_AFTER = Duration.ofDays(7);

    private final Path file;
    private volatile ItemModel current;
    private volatile String unusable;

    private ItemModels(Path file) {
        this.file = file;
    }

    /// None: the simple guess only (tests, a store with no data folder).
    public static ItemModels none() {
        ItemModels models = new ItemModels(null);
        models.unusable = "no data folder";
        return models;
    }

    /// The models of the data folder at `dataFolder`, with the file read now if there is one.
    public static ItemModels in(Path dataFolder) {
        ItemModels models = new ItemModels(dataFolder.resolve(FILE));
        models.load();
        return models;
    }

    /// Reads the file again when it was written after the model in use (another process trained one).
    public void reloadIfNewer() {
        if (file == null || !java.nio.file.Files.isRegularFile(file)) {
            return;
        }
        try {
            java.time.Instant written = java.nio.file.Files.getLastModifiedTime(file).toInstant();
            ItemModel m = current;
            if (m == null || written.isAfter(m.facts().trainedAt().plusSeconds(60))) {
                load();
            }
        } catch (java.io.IOException e) {
            log.debug("{} not looked at", file, e);
        }
    }

    private void load() {
        try {
            current = ItemModelFile.read(file);
            unusable = null;
            log.info("item model {} read: {} items, {} tickets reported up to {}", file, current.items().size(),
                    current.facts().examples(), current.facts().lastReport());
        } catch (ItemModelFile.Refused refused) {
            if (current != null) { // a model in use stays in use: the file is trained again in time
                log.warn("the item model file could not be read again ({}); the model read before stays in use", refused.getMessage());
                return;
            }
            unusable = refused.getMessage();
            log.info("no item model in use ({}): items are guessed from their names until one is trained", unusable);
        }
    }

    public Optional<ItemModel> current() {
        return Optional.ofNullable(current);
    }

    /// Why there is no model, or null when there is one.
    public String unusable() {
        return unusable;
    }

    /// True when there is no model or it is older than [#RETRAIN_AFTER].
    public boolean due(Instant now) {
        ItemModel m = current;
        return file != null && (m == null || m.facts().trainedAt().plus(RETRAIN_AFTER).isBefore(now));
    }

    /// Trains a model from `examples`, writes it to the data folder and uses it from now on. The
    /// old model stays in use when training fails (too few tickets, a write error).
    public ItemModel retrain(Supplier<List<ItemModelTrainer.Example>> examples, Instant now) {
        ItemModel trained = ItemModelTrainer.train(examples.get(), now);
        if (file != null) {
            try {
                ItemModelFile.write(trained, file);
            } catch (IOException e) {
                throw new UncheckedIOException("the item model cannot be written to " + file, e);
            }
        }
        current = trained;
        unusable = null;
        log.info("item model trained: {} tickets reported {} – {}, {} features", trained.facts().examples(),
                trained.facts().firstReport(), trained.facts().lastReport(), trained.featureCount());
        return trained;
    }

    public Path file() {
        return file;
    }
}
