package org.griddesk.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The model of one kind a desk or gateway uses: read from its file in the data folder when it
/// starts, trained again on demand or when it is older than [#RETRAIN_AFTER], and swapped in whole.
/// With no usable model (none yet, damaged, of an older format) [#current()] is empty and the caller
/// falls back to its simple rule; the reason is logged once. Thread-safe.
///
/// @param <M> the model
public abstract class ModelSlot<M> {
    private static final Logger log = LoggerFactory.getLogger(ModelSlot.class);
    /// a model older than this is trained again in the background
    public static final Duration RETRAIN_AFTER = Duration.ofDays(7);

    private final Path file;
    private final ModelFile<M> format;
    private final String kind;
    private final Function<M, Instant> trainedAt;
    private volatile M current;
    private volatile String unusable;

    /// `file` null for none (a store with no data folder); `kind` names the model in the log
    ModelSlot(Path file, ModelFile<M> format, String kind, Function<M, Instant> trainedAt) {
        this.file = file;
        this.format = format;
        this.kind = kind;
        this.trainedAt = trainedAt;
        if (file == null) {
            unusable = "no data folder";
        } else {
            load();
        }
    }

    /// What the log says of a model read or trained (its size, what it learnt from).
    abstract String describe(M model);

    /// Reads the file again when it was written after the model in use (another process trained one).
    public void reloadIfNewer() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            Instant written = Files.getLastModifiedTime(file).toInstant();
            M m = current;
            if (m == null || written.isAfter(trainedAt.apply(m).plusSeconds(60))) {
                load();
            }
        } catch (IOException e) {
            log.debug("{} not looked at", file, e);
        }
    }

    private void load() {
        try {
            current = format.read(file);
            unusable = null;
            log.info("{} {} read: {}", kind, file, describe(current));
        } catch (ModelFile.Refused refused) {
            if (current != null) { // a model in use stays in use: the file is trained again in time
                log.warn("the {} file could not be read again ({}); the model read before stays in use", kind, refused.getMessage());
                return;
            }
            unusable = refused.getMessage();
            log.info("no {} in use ({}): the simple rule serves until one is trained", kind, unusable);
        }
    }

    public Optional<M> current() {
        return Optional.ofNullable(current);
    }

    /// Why there is no model, or null when there is one.
    public String unusable() {
        return unusable;
    }

    /// True when there is no model or it is older than [#RETRAIN_AFTER].
    public boolean due(Instant now) {
        M m = current;
        return file != null && (m == null || trainedAt.apply(m).plus(RETRAIN_AFTER).isBefore(now));
    }

    /// Uses the model `training` gives from now on, written to the data folder first. The old model
    /// stays in use when training fails (too few tickets: [IllegalArgumentException]) or the file
    /// cannot be written.
    M use(Supplier<M> training) {
        M trained = training.get();
        if (file != null) {
            try {
                format.write(trained, file);
            } catch (IOException e) {
                throw new UncheckedIOException("the " + kind + " cannot be written to " + file, e);
            }
        }
        current = trained;
        unusable = null;
        log.info("{} trained: {}", kind, describe(trained));
        return trained;
    }

    public Path file() {
        return file;
    }
}
