package org.griddesk.desk.district;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.domain.district.Camera;
import org.griddesk.store.ticket.CameraAlarms;
import org.griddesk.ui.SystemOpener;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A camera's card: its recent alarms (newest first, with the ticket each made or was folded into)
/// and its live stream, read from the store off the FX thread; the stream handed to the system's
/// player (off the FX thread too: starting a player may take a while).
public final class CameraCardModel {
    private static final Logger log = LoggerFactory.getLogger(CameraCardModel.class);
    /// how many recent alarms the card lists
    public static final int RECENT = 20;

    /// How the card reads the store.
    public interface Reader {
        List<CameraAlarms.Recent> recent(String cameraCode, int limit);

        Optional<String> streamUrl(String cameraCode);

        static Reader of(CameraAlarms alarms) {
            return new Reader() {
                @Override
                public List<CameraAlarms.Recent> recent(String cameraCode, int limit) {
                    return alarms.recent(cameraCode, limit);
                }

                @Override
                public Optional<String> streamUrl(String cameraCode) {
                    return alarms.streamUrl(cameraCode);
                }
            };
        }
    }

    private final TaskExecutor executor;
    private final Reader reader;
    private final Camera camera;
    private final ObservableList<CameraAlarms.Recent> alarms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper streamUrl = new ReadOnlyStringWrapper(this, "streamUrl", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    public CameraCardModel(TaskExecutor executor, Reader reader, Camera camera) {
        this.executor = executor;
        this.reader = reader;
        this.camera = camera;
    }

    // Properties

    public Camera camera() {
        return camera;
    }

    public ObservableList<CameraAlarms.Recent> alarms() {
        return FXCollections.unmodifiableObservableList(alarms);
    }

    /// the stream's address ("" when the district gave none)
    public ReadOnlyStringProperty streamUrlProperty() {
        return streamUrl.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    // Commands

    /// Whether `url` is a live stream's address the system's player may be given.
    static boolean isStream(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            String scheme = java.net.URI.create(url.strip()).getScheme();
            return scheme != null && java.util.Set.of("rtsp", "rtsps", "rtmp", "http", "https").contains(scheme.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private record Read(List<CameraAlarms.Recent> alarms, String streamUrl) {
    }

    /// Reads the alarms and the stream in the background.
    public void load() {
        executor.submit(() -> new Read(reader.recent(camera.code(), RECENT),
                Optional.ofNullable(camera.streamUrl()).or(() -> reader.streamUrl(camera.code())).orElse("")), read -> {
                    alarms.setAll(read.alarms());
                    streamUrl.set(read.streamUrl());
                    loaded.set(true);
                }, failure -> {
                    log.warn("camera {} not read", camera.code(), failure);
                    failed.set(true);
                    loaded.set(true);
                });
    }

    /// Hands the stream to the system's player; false when there is none, or when the address is not
    /// a stream's (`rtsp`, `rtmp`, `http`, `https`): a `file:` or other address from an imported list
    /// could start a program on the PC.
    public boolean openLive() {
        String url = streamUrl.get();
        if (!isStream(url)) {
            if (!url.isBlank()) {
                log.warn("camera {}: the stream address is not a stream's ({}), not opened", camera.code(), url);
            }
            return false;
        }
        executor.submit(() -> {
            SystemOpener.open(url);
            return true;
        }, done -> { }, failure -> log.warn("stream of {} not opened", camera.code(), failure));
        return true;
    }
}
