package org.griddesk.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.simulate.SimulatedRequest.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Posts a [TrafficModel]'s requests to a gateway at a steady rate (open loop: the next request goes
/// at its time whether or not the last was answered), on its own threads, and counts what came back:
/// each kind of traffic against the answer it should get (new → 201, re-sent → 200, repeat alarm →
/// 200 folded, broken → 400), and every answer's latency.
public final class Simulation implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    /// requests in flight at most, as a channel's system holds a pool of connections: beyond it a
    /// tick is skipped and counted. Each request in flight holds a connection (HTTP/1.1), and the
    /// gateway takes at most 256 from one address (`GatewayLimits`).
    static final int MAX_IN_FLIGHT = 200;

    /// What a run has seen so far.
    public record Tally(long sent, long created, long repeated, long refused, long failed, long skipped, long unexpected,
                        Map<Kind, Long> byKind, long p50Micros, long p99Micros, long maxMicros) {
        public String summary() {
            return "sent %d: 201 %d, 200 %d, 4xx %d, failed %d, skipped %d, unexpected %d; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                    .formatted(sent, created, repeated, refused, failed, skipped, unexpected, p50Micros / 1000.0,
                            p99Micros / 1000.0, maxMicros / 1000.0);
        }
    }

    private final URI gateway;
    private final Map<Channel, String> keys;
    private final TrafficModel model;
    private final double perSecond;
    private final HttpClient http;
    private final ScheduledExecutorService ticker;
    private final AtomicLongArray outcomes = new AtomicLongArray(7);
    private final AtomicLongArray kinds = new AtomicLongArray(Kind.values().length);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean failureTold = new AtomicBoolean();
    private final Latencies latencies = new Latencies();
    private ScheduledFuture<?> ticking;

    private static final int SENT = 0;
    private static final int CREATED = 1;
    private static final int REPEATED = 2;
    private static final int REFUSED = 3;
    private static final int FAILED = 4;
    private static final int SKIPPED = 5;
    private static final int UNEXPECTED = 6;

    /// `gateway` is the base address (`http://127.0.0.1:8890`); `keys` one per channel it posts for.
    public Simulation(URI gateway, Map<Channel, String> keys, TrafficModel model, double perSecond) {
        if (!(perSecond > 0 && perSecond <= 10_000)) {
            throw new IllegalArgumentException("the rate is between 0 and 10000 requests per second");
        }
        this.gateway = gateway;
        this.keys = Map.copyOf(keys);
        this.model = model;
        this.perSecond = perSecond;
        // HTTP/1.1 as the gateway speaks it: a client set for HTTP/2 tries an upgrade on a new
        // connection for each request, and piles up connections the gateway then has to close
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "griddesk-simulator");
            t.setDaemon(true);
            return t;
        });
    }

    /// Starts posting; returns at once.
    public synchronized void start() {
        if (ticking == null) {
            long period = Math.max(1, (long) (1_000_000_000L / perSecond));
            ticking = ticker.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
        }
    }

    /// Posts for `duration`, then waits (up to 10 s) for the last answers.
    public Tally runFor(Duration duration) throws InterruptedException {
        start();
        Thread.sleep(duration.toMillis());
        close();
        return tally();
    }

    private void tick() {
        try {
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                outcomes.incrementAndGet(SKIPPED);
                return;
            }
            SimulatedRequest request = model.next(Instant.now());
            String key = keys.get(request.channel());
            if (key == null) {
                return; // no key for this channel: its traffic is left out
            }
            outcomes.incrementAndGet(SENT);
            kinds.incrementAndGet(request.kind().ordinal());
            inFlight.incrementAndGet();
            long started = System.nanoTime();
            HttpRequest post = HttpRequest.newBuilder(gateway.resolve(request.path())).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-Api-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(request.body())).build();
            try {
                http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    latencies.add(started, (System.nanoTime() - started) / 1000);
                    if (failure != null && !failureTold.getAndSet(true)) {
                        log.warn("requests to the gateway fail (said once): {}", failure.toString());
                    }
                    record(request, failure == null ? response.statusCode() : -1, failure == null ? response.body() : "");
                    inFlight.decrementAndGet(); // last: close() waits for this, so the tally is whole when it returns
                });
            } catch (RuntimeException e) {
                record(request, -1, "");
                inFlight.decrementAndGet();
                throw e;
            }
        } catch (RuntimeException e) {
            log.warn("the simulator could not send a request", e);
        }
    }

    private void record(SimulatedRequest request, int status, String body) {
        int outcome = status == 201 ? CREATED : status == 200 ? REPEATED : status >= 400 && status < 500 ? REFUSED : FAILED;
        outcomes.incrementAndGet(outcome);
        boolean expected = switch (request.kind()) {
            // a new alarm may happen to repeat an open one of the same camera and type: folded, rightly
            case NEW -> status == 201 || request.channel() == Channel.VIDEO && status == 200 && body.contains("\"folded\":true");
            case SAME_MATTER -> status == 201;
            case RESENT -> status == 200 && body.contains("\"alreadyReceived\":true");
            case REPEAT_ALARM -> status == 200 || status == 201; // 201 when the first alarm's ticket has closed meanwhile
            case BROKEN -> status == 400;
        };
        if (!expected) {
            outcomes.incrementAndGet(UNEXPECTED);
            log.debug("unexpected answer {} to a {} request", status, request.kind());
        }
    }

    public Tally tally() {
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, kinds.get(kind.ordinal()));
        }
        long[] sorted = latencies.sorted();
        return new Tally(outcomes.get(SENT), outcomes.get(CREATED), outcomes.get(REPEATED), outcomes.get(REFUSED),
                outcomes.get(FAILED), outcomes.get(SKIPPED), outcomes.get(UNEXPECTED), byKind, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /// Stops posting and waits up to 10 s for answers still on their way.
    @Override
    public void close() {
        // a tick under way finishes first (its request is then in flight), so none is counted sent
        // but never answered; no interrupt, which could cut a send in half
        ticker.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // its connections close now, not when the gateway's idle timeout ends them: a simulation
        // started next would otherwise find the gateway's connections of this address taken
        http.shutdownNow();
    }

    /// The p99 answer time (µs) of the requests sent in each `window` of the run, in order: shows
    /// whether slow answers come steadily or in bursts.
    public long[] p99ByWindow(Duration window) {
        return latencies.p99ByWindow(window.toNanos());
    }

    /// Answer times in microseconds with their send times, kept whole (a 60 s run at 300/s is 18,000).
    private static final class Latencies {
        private long[] values = new long[1024];
        private long[] sentAt = new long[1024];
        private int size;

        synchronized void add(long sentNanos, long micros) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                sentAt = Arrays.copyOf(sentAt, size * 2);
            }
            sentAt[size] = sentNanos;
            values[size++] = micros;
        }

        synchronized long[] p99ByWindow(long windowNanos) {
            if (size == 0) {
                return new long[0];
            }
            long first = Arrays.stream(sentAt, 0, size).min().orElseThrow();
            long last = Arrays.stream(sentAt, 0, size).max().orElseThrow();
            int windows = (int) ((last - first) / windowNanos) + 1;
            long[][] buckets = new long[windows][];
            int[] counts = new int[windows];
            for (int i = 0; i < size; i++) {
                counts[(int) ((sentAt[i] - first) / windowNanos)]++;
            }
            for (int w = 0; w < windows; w++) {
                buckets[w] = new long[counts[w]];
                counts[w] = 0;
            }
            for (int i = 0; i < size; i++) {
                int w = (int) ((sentAt[i] - first) / windowNanos);
                buckets[w][counts[w]++] = values[i];
            }
            long[] p99 = new long[windows];
            for (int w = 0; w < windows; w++) {
                Arrays.sort(buckets[w]);
                p99[w] = percentile(buckets[w], 0.99);
            }
            return p99;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
