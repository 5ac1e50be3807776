package org.griddesk.demo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/// The demo district's geography, organisation and people for one seed, generated either when
/// first asked for or ahead, on a thread of its own, while the store is still being opened and
/// migrated (about two seconds that a first start then does not wait for).
public final class DistrictAhead {
    private final long seed;
    private final CompletableFuture<DemoDistrictData> ahead;

    private DistrictAhead(long seed, CompletableFuture<DemoDistrictData> ahead) {
        this.seed = seed;
        this.ahead = ahead;
    }

    /// Starts generating now, in the background.
    public static DistrictAhead start(long seed) {
        CompletableFuture<DemoDistrictData> ahead = new CompletableFuture<>();
        Thread.ofPlatform().name("griddesk:demo-geography").daemon().start(() -> {
            try {
                ahead.complete(new DemoDistrictGenerator(seed).generate());
            } catch (RuntimeException | Error e) {
                ahead.completeExceptionally(e);
            }
        });
        return new DistrictAhead(seed, ahead);
    }

    /// Generates only when [#take] asks, on the asking thread.
    public static DistrictAhead onDemand(long seed) {
        return new DistrictAhead(seed, null);
    }

    /// Whether the district is being made ahead: the store it is for was new.
    public boolean ahead() {
        return ahead != null;
    }

    public long seed() {
        return seed;
    }

    /// The district: at once if it was made ahead, after waiting if it is being made, else made now.
    DemoDistrictData take() {
        return ahead == null ? new DemoDistrictGenerator(seed).generate() : join(ahead);
    }

    /// Waits for work done on another thread; its failure is thrown as it was thrown there.
    static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
