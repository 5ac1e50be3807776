package org.griddesk.desk.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentRefused;
import org.griddesk.ui.TaskExecutor;

/// The files a handled report will carry, as the user picks or drops them: each file is read and
/// checked off the FX thread (its length first, so a 2 GB video is refused unread; then its bytes
/// for the type), the same bytes twice are kept once, and a refused file is named with the limit
/// or the types taken, in the user's language. Nothing is stored until the report is.
public final class EvidencePicker {
    private final TaskExecutor executor;
    private final Locale locale;
    private final ObservableList<Attachment> files = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");

    public EvidencePicker(TaskExecutor executor, Locale locale) {
        this.executor = executor;
        this.locale = locale;
    }

    // Properties

    /// the files taken so far, in the order they came
    public ObservableList<Attachment> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    /// why the last files added were not all taken ("" when they were)
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    // Commands

    /// Reads and checks the files in the background, then takes those that pass.
    public void add(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        reading.set(true);
        int room = Attachment.MAX_PER_REPORT - files.size();
        executor.submit(() -> read(paths, room), read -> {
            reading.set(false);
            List<String> refusals = new ArrayList<>(read.refusals());
            // the room is counted again now: another drop may have filled it while these were read
            for (Attachment a : read.taken()) {
                if (files.stream().anyMatch(f -> f.sha256().equals(a.sha256()))) {
                    continue;
                }
                if (files.size() >= Attachment.MAX_PER_REPORT) {
                    refusals.add(AttachmentRefused.tooMany().message(locale));
                    break;
                }
                files.add(a);
            }
            refusal.set(String.join("\n", refusals.stream().distinct().toList()));
        }, failure -> {
            reading.set(false);
            refusal.set(failure.getMessage());
        });
    }

    public void remove(Attachment file) {
        files.remove(file);
        refusal.set("");
    }

    private record Read(List<Attachment> taken, List<String> refusals) {
    }

    /// Off the FX thread: at most `room` files taken; each refusal in words.
    private Read read(List<Path> paths, int room) {
        List<Attachment> taken = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (Path path : paths) {
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            try {
                if (taken.size() >= room) {
                    throw AttachmentRefused.tooMany();
                }
                long size = Files.size(path);
                if (size > Attachment.MAX_BYTES) {
                    throw AttachmentRefused.tooLargeFile(name, size);
                }
                taken.add(Attachment.of(name, Files.readAllBytes(path)));
            } catch (AttachmentRefused r) {
                refusals.add(r.message(locale));
            } catch (IOException e) {
                refusals.add(new AttachmentRefused("evidence.refused.unreadable", name, e.getClass().getSimpleName()).message(locale));
            }
        }
        return new Read(taken, refusals);
    }
}
