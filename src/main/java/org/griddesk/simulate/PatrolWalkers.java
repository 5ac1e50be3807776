package org.griddesk.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/// Grid workers on patrol, as their 网格通 app posts them: each walks about its grid at a walking
/// pace (a point every `pointEvery`, drawn back towards the grid's centre when it strays more than
/// 250 m) and posts a batch every `batchEvery` to `POST /api/v1/grid/patrols` with a worker's token
/// and an Idempotency-Key of its own. The workers' first posts are spread over the first period, as
/// phones switched on through the morning are. Counts the answers and their latency.
public final class PatrolWalkers implements AutoCloseable {
    /// What the walkers have seen so far.
    public record Tally(long sent, long created, long repeated, long refused, long failed, long p50Micros, long p99Micros,
                        long maxMicros) {
        public String summary() {
            return String.format(Locale.ROOT, "patrol batches sent %d: 201 %d, 200 %d, 4xx %d, failed %d; latency p50 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms", sent, created, repeated, refused, failed, p50Micros / 1000.0, p99Micros / 1000.0,
                    maxMicros / 1000.0);
        }
    }

    private static final double METRES_PER_DEGREE = 111_320;
    private static final double PACE = 1.2; // metres a second

    private final class Walker {
        final String grid;
        final double homeLon;
        final double homeLat;
        double lon;
        double lat;
        double heading;
        int batch;

        Walker(Scenery.Spot spot) {
            grid = spot.gridCode();
            homeLon = spot.lon();
            homeLat = spot.lat();
            lon = homeLon;
            lat = homeLat;
            heading = random.nextDouble() * 2 * Math.PI;
        }

        String nextBatch(Instant end) {
            StringJoiner points = new StringJoiner(",", "{\"points\":[", "]}");
            int n = (int) (batchEvery.toSeconds() / pointEvery.toSeconds());
            for (int i = n - 1; i >= 0; i--) {
                step();
                Instant at = end.minusSeconds(pointEvery.toSeconds() * i);
                points.add(String.format(Locale.ROOT, "{\"at\":\"%s\",\"lon\":%.6f,\"lat\":%.6f,\"accuracy\":%d}", at, lon, lat,
                        5 + random.nextInt(10)));
            }
            return points.toString();
        }

        private void step() {
            double metres = PACE * pointEvery.toSeconds();
            double dx = (lon - homeLon) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
            double dy = (lat - homeLat) * METRES_PER_DEGREE;
            heading += random.nextGaussian() * 0.35;
            if (Math.hypot(dx, dy) > 250) {
                heading = Math.atan2(-dy, -dx) + random.nextGaussian() * 0.3; // back towards the middle
            }
            lon += Math.cos(heading) * metres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
            lat += Math.sin(heading) * metres / METRES_PER_DEGREE;
        }
    }

    private final URI endpoint;
    private final String token;
    private final Duration batchEvery;
    private final Duration pointEvery;
    private final Random random;
    private final String run;
    private final List<Walker> walkers = new ArrayList<>();
    private final HttpClient http;
    private final ScheduledExecutorService ticker;
    private final AtomicLongArray outcomes = new AtomicLongArray(5);
    private long[] latencies = new long[4096];
    private int latencyCount;

    /// `walkers` workers in the first grids of `scenery` taken from a seeded shuffle, posting to `gateway`.
    public PatrolWalkers(URI gateway, String token, Scenery scenery, int walkers, long seed, Duration batchEvery, Duration pointEvery) {
        this.endpoint = gateway.resolve("/api/v1/grid/patrols");
        this.token = token;
        this.batchEvery = batchEvery;
        this.pointEvery = pointEvery;
        this.random = new Random(seed);
        this.run = Long.toString(System.currentTimeMillis(), 36);
        List<Scenery.Spot> spots = new ArrayList<>(scenery.grids());
        java.util.Collections.shuffle(spots, random);
        spots.stream().limit(walkers).forEach(s -> this.walkers.add(new Walker(s)));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.ticker = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "griddesk-patrol-walkers");
            t.setDaemon(true);
            return t;
        });
    }

    /// Starts the walkers: each posts every `batchEvery`, the first posts spread over the first period.
    public void start() {
        long period = batchEvery.toMillis();
        for (int i = 0; i < walkers.size(); i++) {
            Walker w = walkers.get(i);
            ticker.scheduleAtFixedRate(() -> post(w), period * i / walkers.size(), period, TimeUnit.MILLISECONDS);
        }
    }

    public int walkers() {
        return walkers.size();
    }

    private void post(Walker w) {
        String body;
        String key;
        synchronized (w) {
            body = w.nextBatch(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            key = "sim-" + run + "-" + w.grid + "-" + (++w.batch);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        outcomes.incrementAndGet(0);
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            long micros = (System.nanoTime() - sent) / 1000;
            if (failure != null) {
                outcomes.incrementAndGet(4);
                return;
            }
            outcomes.incrementAndGet(answer.statusCode() == 201 ? 1 : answer.statusCode() == 200 ? 2 : 3);
            record(micros);
        });
    }

    private synchronized void record(long micros) {
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencyCount * 2);
        }
        latencies[latencyCount++] = micros;
    }

    /// Forgets the latencies so far (after a warm-up).
    public synchronized void resetLatencies() {
        latencyCount = 0;
    }

    public synchronized Tally tally() {
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        return new Tally(outcomes.get(0), outcomes.get(1), outcomes.get(2), outcomes.get(3), outcomes.get(4), at(sorted, 0.50),
                at(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static long at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        http.close();
    }
}
