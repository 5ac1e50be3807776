package org.griddesk.desk.detail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.image.Image;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentType;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.VideoAlarm;
import org.griddesk.store.ticket.AttachmentRepository;
import org.griddesk.store.ticket.CameraAlarms;
import org.griddesk.store.ticket.StoredAttachment;
import org.griddesk.ui.SystemOpener;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Reads a ticket's evidence for the detail pane, all of it off the FX thread: what is stored of
/// the files its reports name, thumbnails scaled while decoding (kept in a small cache, so paging
/// through tickets does not decode again), the full picture for the viewer, and a file handed to
/// the system's program (written to a temporary file first).
public final class EvidenceLoader {
    private static final Logger log = LoggerFactory.getLogger(EvidenceLoader.class);
    public static final int THUMB_WIDTH = 160;
    public static final int THUMB_HEIGHT = 120;
    /// thumbnails kept: a shift's worth of tickets looked at
    static final int CACHE = 300;

    /// How the store is read: the files' facts by digest, a file's bytes, a snapshot's bytes.
    public interface Store {
        List<StoredAttachment> find(List<String> digests);

        Optional<byte[]> content(String digest);

        Optional<byte[]> snapshot(String alarmId);

        static Store of(AttachmentRepository files, CameraAlarms alarms) {
            return new Store() {
                @Override
                public List<StoredAttachment> find(List<String> digests) {
                    return files.find(digests);
                }

                @Override
                public Optional<byte[]> content(String digest) {
                    return files.content(digest);
                }

                @Override
                public Optional<byte[]> snapshot(String alarmId) {
                    return alarms.snapshot(alarmId);
                }
            };
        }
    }

    private final TaskExecutor executor;
    private final Store store;
    private final Map<String, Image> thumbnails = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CACHE;
        }
    });

    public EvidenceLoader(TaskExecutor executor, Store store) {
        this.executor = executor;
        this.store = store;
    }

    /// One item and its thumbnail (null when it has none: a PDF, a link, a picture that cannot be read).
    public record Shown(EvidenceItem item, Image thumbnail) {
    }

    /// The ticket's evidence with thumbnails, in the order it came; `onReady` hears it on the FX thread.
    public void load(TicketDetail d, Consumer<List<Shown>> onReady) {
        executor.submit(() -> shown(d), onReady, failure -> log.warn("evidence of {} not read", d.ticket().code(), failure));
    }

    /// The items of a ticket (off the FX thread: asks the store what its files are).
    List<Shown> shown(TicketDetail d) {
        List<EvidenceItem> items = new ArrayList<>();
        for (String url : d.ticket().intake().photos()) {
            items.add(link(url, EvidenceItem.Origin.REQUEST, d.ticket().intake().reportedAt()));
        }
        List<String> digests = d.trail().stream().filter(e -> e.event() instanceof TicketEvent.Handled)
                .flatMap(e -> ((TicketEvent.Handled) e.event()).evidence().stream()).map(Attachment::digestOf)
                .flatMap(Optional::stream).distinct().toList();
        Map<String, StoredAttachment> stored = new LinkedHashMap<>();
        store.find(digests).forEach(s -> stored.put(s.sha256(), s));
        for (RecordedEvent e : d.trail()) {
            if (e.event() instanceof TicketEvent.Handled h) {
                for (String ref : h.evidence()) {
                    Optional<StoredAttachment> file = Attachment.digestOf(ref).map(stored::get);
                    items.add(file.map(s -> new EvidenceItem(EvidenceItem.Kind.STORED, s.sha256(), s.name(), s.type(), s.size(),
                            EvidenceItem.Origin.HANDLED, e.at())).orElseGet(() -> link(ref, EvidenceItem.Origin.HANDLED, e.at())));
                }
            }
        }
        for (VideoAlarm a : d.alarms()) {
            if (a.snapshot() != null) {
                items.add(new EvidenceItem(EvidenceItem.Kind.SNAPSHOT, a.alarmId(), a.alarmType(), AttachmentType.sniff(a.snapshot())
                        .orElse(AttachmentType.JPEG), a.snapshot().length, EvidenceItem.Origin.VIDEO, a.alarmAt()));
            }
        }
        Map<String, byte[]> snapshots = new LinkedHashMap<>();
        d.alarms().stream().filter(a -> a.snapshot() != null).forEach(a -> snapshots.put(a.alarmId(), a.snapshot()));
        return items.stream().distinct().map(i -> new Shown(i, i.drawable() ? thumbnail(i, snapshots::get) : null)).toList();
    }

    private static EvidenceItem link(String ref, EvidenceItem.Origin origin, java.time.Instant at) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return new EvidenceItem(EvidenceItem.Kind.LINK, ref, name.isEmpty() ? ref : name, null, 0, origin, at);
    }

    private Image thumbnail(EvidenceItem item, Function<String, byte[]> known) {
        Image cached = thumbnails.get(cacheKey(item));
        if (cached != null) {
            return cached;
        }
        byte[] bytes = item.kind() == EvidenceItem.Kind.SNAPSHOT && known.apply(item.key()) != null ? known.apply(item.key())
                : bytes(item).orElse(null);
        if (bytes == null) {
            return null;
        }
        Image image = EvidencePictures.decode(item.type(), bytes, THUMB_WIDTH, THUMB_HEIGHT);
        if (image != null) {
            thumbnails.put(cacheKey(item), image);
        }
        return image;
    }

    private static String cacheKey(EvidenceItem item) {
        return item.kind() + ":" + item.key();
    }

    /// The whole picture for the viewer; `onReady` hears it on the FX thread (null when it cannot be read).
    public void picture(EvidenceItem item, Consumer<Image> onReady) {
        // whole: a picture is at most 50 million pixels (Attachment.MAX_PIXELS), a snapshot at most 2 MB
        executor.submit(() -> bytes(item).map(b -> EvidencePictures.decode(item.type(), b, 0, 0)).orElse(null),
                onReady, failure -> {
                    log.warn("evidence {} not read", item.key(), failure);
                    onReady.accept(null);
                });
    }

    /// Hands the item to the system's program: a link as it is, a file written to a temporary file first.
    public void openWithSystem(EvidenceItem item) {
        if (!item.openable()) {
            return;
        }
        executor.submit(() -> {
            SystemOpener.open(item.kind() == EvidenceItem.Kind.LINK ? item.key() : temporaryFile(item).toUri().toString());
            return true;
        }, done -> { }, failure -> log.warn("evidence {} not opened", item.key(), failure));
    }

    private Path openedFiles;

    private Optional<byte[]> bytes(EvidenceItem item) {
        return switch (item.kind()) {
            case STORED -> store.content(item.key());
            case SNAPSHOT -> store.snapshot(item.key());
            case LINK -> Optional.empty();
        };
    }

    /// The file handed to the system's program: in a folder of this desk's own, made for it with the
    /// owner's rights only (others on the PC can neither read nor plant a file there), written anew
    /// each time (never a file found there trusted), removed when the desk exits.
    private Path temporaryFile(EvidenceItem item) {
        byte[] bytes = bytes(item).orElseThrow(() -> new IllegalStateException("no longer stored: " + item.key()));
        try {
            String extension = item.type() == null ? "bin" : item.type().extension();
            Path file = Files.createTempFile(ownFolder(), item.key().replaceAll("[^A-Za-z0-9_-]", "_") + "-", "." + extension);
            Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized Path ownFolder() throws IOException {
        if (openedFiles == null) {
            openedFiles = Files.createTempDirectory("griddesk-evidence-"); // owner-only where the file system has owners
            openedFiles.toFile().deleteOnExit();
        }
        return openedFiles;
    }
}
