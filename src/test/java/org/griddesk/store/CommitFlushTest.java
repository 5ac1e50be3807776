package org.griddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/// The checkpoint after a commit: which one H2 is asked for, and commits arriving together sharing
/// one, but never returning before a checkpoint that began after they committed.
class CommitFlushTest {
    /// a clock of events: commits and the checkpoints' starts and ends, in the order they happened
    private final AtomicLong events = new AtomicLong();
    private final ConcurrentLinkedQueue<String> executed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> checkpoints = new ConcurrentLinkedQueue<>();
    /// when this thread's last commit happened on the connection itself
    private final ThreadLocal<Long> lastCommit = new ThreadLocal<>();

    @Test
    void aCommitIsWrittenToTheFileOrAlsoForcedToTheDisk() throws Exception {
        new CommitFlush(CommitDurability.PROCESS).onCommit(connection(0)).commit();
        new CommitFlush(CommitDurability.POWER).onCommit(connection(0)).commit();
        assertThat(executed).containsExactly("CHECKPOINT", "CHECKPOINT SYNC");
    }

    @Test
    void onlyCommitsAreFollowedByACheckpoint() throws Exception {
        Connection c = new CommitFlush(CommitDurability.PROCESS).onCommit(connection(0));
        c.setAutoCommit(false);
        c.rollback();
        assertThat(c.getAutoCommit()).isFalse();
        assertThat(executed).isEmpty();
        c.commit();
        assertThat(executed).containsExactly("CHECKPOINT");
    }

    @Test
    void commitsArrivingTogetherShareCheckpointsButEachWaitsForOneBegunAfterIt() throws Exception {
        CommitFlush flush = new CommitFlush(CommitDurability.POWER);
        int committers = 8;
        int commitsEach = 25;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < committers; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    Connection c = flush.onCommit(connection(2));
                    start.await();
                    for (int i = 0; i < commitsEach; i++) {
                        c.commit();
                        long returned = events.incrementAndGet();
                        long committed = lastCommit.get();
                        if (checkpoints.stream().noneMatch(cp -> cp[0] > committed && cp[1] < returned)) {
                            early.add("the commit at " + committed + " returned at " + returned + " without a checkpoint begun after it");
                        }
                    }
                } catch (Exception e) {
                    early.add(e.toString());
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(early).isEmpty();
        assertThat(checkpoints).as("commits waiting together share a checkpoint").hasSizeLessThan(committers * commitsEach);
        assertThat(checkpoints).isNotEmpty();
    }

    /// A connection whose commits are events, and whose statements record the checkpoint
    /// they execute (taking `millis` as a disk would).
    private Connection connection(long millis) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createStatement" -> statement(millis);
                    case "getAutoCommit" -> false;
                    case "commit" -> {
                        lastCommit.set(events.incrementAndGet());
                        yield null;
                    }
                    default -> null;
                });
    }

    private Statement statement(long millis) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        long begun = events.incrementAndGet();
                        executed.add((String) args[0]);
                        Thread.sleep(millis);
                        checkpoints.add(new long[] {begun, events.incrementAndGet()});
                        return false;
                    }
                    return null;
                });
    }
}
