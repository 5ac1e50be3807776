package org.griddesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.griddesk.store.search.HistoryRows;
import org.griddesk.store.search.IndexedTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The desk's own index of every ticket (in the data folder, `index/tickets/`): opened or built on
/// first use on its own thread, then kept current with the changes the feed names. Searches run on
/// the caller's thread against the newest refreshed view and never wait for the writer: while the
/// index is being built they answer [State#BUILDING].
///
/// Each commit records the store it was built from and the trail position it holds; an index of
/// another store, of another format, an unfinished build or an unreadable one is built anew; one of
/// this store catches up from its position (less a safety window: events become visible at commit,
/// not in sequence order).
public final class HistoryIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HistoryIndex.class);
    /// changes written but not committed are committed after this long (a crash loses nothing: the
    /// next start catches up from the last commit's position)
    static final long COMMIT_EVERY_MILLIS = 5_000;
    /// events re-read below the committed position on a start
    static final long SAFETY_EVENTS = 2_000;
    static final int BATCH = 2_000;
    static final String FORMAT = "1";
    static final long RETRY_FIRST_MILLIS = 15_000;
    static final long RETRY_MAX_MILLIS = 600_000;

    public enum State { NOT_STARTED, BUILDING, READY, FAILED }

    /// What a search found: the tickets' ids best first (at most the limit asked), how many match
    /// in all (a lower bound when `moreThan`), or why nothing could be said (`state` not READY).
    public record Hits(State state, List<Long> ids, long total, boolean moreThan) {
        static Hits notReady(State state) {
            return new Hits(state, List.of(), 0, false);
        }

        public boolean ready() {
            return state == State.READY;
        }
    }

    private final Path folder;
    private final long retryFirstMillis;
    private final HistoryRows rows;
    private final Clock clock;
    private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "history-index");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private volatile State state = State.NOT_STARTED;
    private volatile int built;
    private volatile SearcherManager searchers;
    private Directory directory;
    private IndexWriter index;
    /// the trail position the index holds (writer thread only)
    private long seq;
    /// tickets whose change could not be written yet (writer thread only)
    private final Set<Long> missed = new java.util.HashSet<>();
    private long committedAt;
    private boolean dirty;

    /// @param folder where the index lives; null: in memory (tests)
    public HistoryIndex(Path folder, HistoryRows rows, Clock clock) {
        this(folder, rows, clock, RETRY_FIRST_MILLIS);
    }

    /// @param retryFirstMillis how long after a failed build it is first tried again (doubling after)
    HistoryIndex(Path folder, HistoryRows rows, Clock clock, long retryFirstMillis) {
        this.folder = folder;
        this.rows = rows;
        this.clock = clock;
        this.retryFirstMillis = retryFirstMillis;
    }

    SmartChineseAnalyzer analyzer() {
        return analyzer;
    }

    public HistoryRows rows() {
        return rows;
    }

    public State state() {
        return state;
    }

    /// tickets written by the build under way
    public int built() {
        return built;
    }

    /// Opens or builds the index in the background (once; later calls do nothing).
    public synchronized void start() {
        if (state != State.NOT_STARTED) {
            return;
        }
        state = State.BUILDING;
        writer.execute(() -> openOrBuildRetrying(0));
    }

    /// Opens or builds the index (writer thread); a failure (a store away for a moment, a full disk)
    /// is tried again later, ever more rarely, up to every [#RETRY_MAX_MILLIS]: search says FAILED
    /// meanwhile, never for the rest of the session.
    private void openOrBuildRetrying(int failures) {
        if (writer.isShutdown()) {
            return;
        }
        state = State.BUILDING;
        try {
            openOrBuild();
            state = State.READY;
        } catch (RuntimeException | IOException e) {
            long wait = Math.min(RETRY_MAX_MILLIS, retryFirstMillis << Math.min(failures, 8));
            log.error("the history index could not be built: history search is off, tried again in {} s", wait / 1000, e);
            closeQuietly();
            state = State.FAILED;
            try {
                CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, writer).execute(() -> openOrBuildRetrying(failures + 1));
            } catch (RejectedExecutionException closing) {
                // the desk is closing
            }
        }
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (index != null) {
                index.rollback();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("the failed history index did not close cleanly", e);
        }
        searchers = null;
        index = null;
        directory = null;
    }

    /// The feed named these tickets as changed, up to trail position `lastSeq`: they are written
    /// anew on the index's thread (nothing before [#start]: a start reads what it lacks).
    public void changed(Set<Long> ticketIds, long lastSeq) {
        if (state == State.NOT_STARTED || ticketIds.isEmpty()) {
            return;
        }
        Set<Long> ids = Set.copyOf(ticketIds);
        writer.execute(() -> {
            if (state != State.READY) {
                return; // a build under way reads them; a failed index stays off
            }
            // tickets a change of which could not be written are tried again with the next change; the
            // position moves on only once all are written, so a restart catches them up too
            Set<Long> due = new java.util.HashSet<>(missed);
            due.addAll(ids);
            try {
                apply(due);
                missed.clear();
                seq = Math.max(seq, lastSeq);
                commitWhenDue();
            } catch (IOException | RuntimeException e) {
                missed.addAll(ids);
                log.warn("the history index could not write a change of {} tickets: tried again with the next change", due.size(), e);
            }
        });
    }

    /// The feed skipped ahead (many changes at once, e.g. a first start's history): read them by position.
    public void skippedAhead() {
        if (state == State.NOT_STARTED) {
            return;
        }
        writer.execute(() -> {
            if (state == State.READY) {
                try {
                    catchUp(seq);
                    commitWhenDue();
                } catch (IOException | RuntimeException e) {
                    log.warn("the history index could not catch up", e);
                }
            }
        });
    }

    /// Runs `query`, best first by `sort`, at most `limit` ids. Never waits for the writer.
    public Hits search(Query query, Sort sort, int limit) {
        SearcherManager manager = searchers;
        if (state != State.READY || manager == null) {
            return Hits.notReady(state);
        }
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                TopDocs top = searcher.search(query, new TopFieldCollectorManager(sort, Math.max(1, limit), null, 10_000));
                StoredFields stored = searcher.storedFields();
                List<Long> ids = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    Document d = stored.document(hit.doc, Set.of(TicketDocuments.ID));
                    ids.add(Long.parseLong(d.get(TicketDocuments.ID)));
                }
                return new Hits(State.READY, ids, top.totalHits.value(), top.totalHits.relation() != TotalHits.Relation.EQUAL_TO);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Waits (tests, tools) until the index's thread has done what was asked before.
    public void awaitIdle() {
        try {
            writer.submit(() -> { }).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the history index did not finish in time", e);
        }
    }

    private void openOrBuild() throws IOException {
        String store = rows.storeIdentity();
        // callers of an upgraded store get their name's blind index first (once): the index is then built anew
        boolean namesFilled = rows.indexCallerNames() > 0;
        directory = open();
        Map<String, String> last = lastCommit(directory);
        boolean reuse = !namesFilled && last != null && store.equals(last.get("store")) && FORMAT.equals(last.get("format"))
                && "1".equals(last.get("complete"));
        if (!reuse && last != null) {
            log.info("the history index was built from another store or is unfinished: it is built anew");
        }
        try {
            openWriter(reuse);
        } catch (IOException | RuntimeException unreadable) {
            log.warn("the history index cannot be opened ({}): it is built anew", unreadable.toString());
            wipe();
            reuse = false;
            openWriter(false);
        }
        if (reuse) {
            seq = Long.parseLong(last.get("seq"));
            catchUp(Math.max(0, seq - SAFETY_EVENTS));
            if (index.getDocStats().numDocs != rows.count()) {
                log.info("the history index holds {} tickets, the store {}: it is built anew", index.getDocStats().numDocs,
                        rows.count());
                build(store);
            }
        } else {
            build(store);
        }
        commit(store);
    }

    private Directory open() throws IOException {
        if (folder == null) {
            return new ByteBuffersDirectory();
        }
        Files.createDirectories(folder);
        // the index holds the words of requests and their addresses: for the desk's own user only
        // (on Windows the data folder under %LOCALAPPDATA% is the user's already)
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        return FSDirectory.open(folder);
    }

    private static Map<String, String> lastCommit(Directory dir) {
        try {
            if (!DirectoryReader.indexExists(dir)) {
                return null;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return reader.getIndexCommit().getUserData();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Map.of("unreadable", unreadable.toString());
        }
    }

    private void openWriter(boolean append) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(append ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(48);
        index = new IndexWriter(directory, config);
        searchers = new SearcherManager(index, null);
    }

    private void wipe() throws IOException {
        if (index != null) {
            index.rollback();
            index = null;
        }
        directory.close();
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(folder)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        directory = open();
    }

    /// Every ticket anew, then what changed while it read.
    private void build(String store) throws IOException {
        long started = System.nanoTime();
        long position = rows.lastSeq();
        index.deleteAll();
        index.setLiveCommitData(Map.of("store", store, "format", FORMAT, "complete", "0").entrySet());
        built = 0;
        long top = rows.maxId();
        for (long after = 0; after < top; after += BATCH) {
            List<IndexedTicket> batch = rows.range(after, BATCH);
            for (IndexedTicket t : batch) {
                index.addDocument(TicketDocuments.of(t));
            }
            built += batch.size();
        }
        seq = position;
        commit(store);
        searchers.maybeRefreshBlocking();
        log.info("history index built: {} tickets in {} s", built, (System.nanoTime() - started) / 1_000_000_000);
        catchUp(Math.max(0, position - SAFETY_EVENTS));
    }

    private void catchUp(long from) throws IOException {
        long at = from;
        while (true) {
            HistoryRows.Changed changed = rows.changedAfter(at, 5_000);
            if (changed.ticketIds().isEmpty()) {
                break;
            }
            apply(changed.ticketIds());
            at = changed.lastSeq();
        }
        seq = Math.max(seq, at);
        searchers.maybeRefreshBlocking();
    }

    private void apply(Set<Long> ids) throws IOException {
        for (IndexedTicket t : rows.byIds(ids)) {
            index.updateDocument(TicketDocuments.idTerm(t.id()), TicketDocuments.of(t));
        }
        dirty = true;
        searchers.maybeRefreshBlocking();
    }

    private void commitWhenDue() throws IOException {
        if (dirty && clock.millis() - committedAt >= COMMIT_EVERY_MILLIS) {
            commit(rows.storeIdentity());
        }
    }

    private void commit(String store) throws IOException {
        index.setLiveCommitData(Map.of("store", store, "format", FORMAT, "complete", "1", "seq", Long.toString(seq),
                "at", Instant.now(clock).toString()).entrySet());
        index.commit();
        committedAt = clock.millis();
        dirty = false;
    }

    @Override
    public void close() {
        writer.execute(() -> {
            try {
                if (index != null) {
                    if (state == State.READY && dirty) {
                        commit(rows.storeIdentity());
                    }
                    searchers.close();
                    index.close();
                    directory.close();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("the history index did not close cleanly: it is checked on the next start", e);
            }
        });
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
