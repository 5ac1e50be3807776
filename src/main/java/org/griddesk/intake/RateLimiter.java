package org.griddesk.intake;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/// A token bucket per API key: each key may send `perSecond` requests a second on average, and
/// bursts of up to `burst`. A runaway channel is told to slow down (429) before it crowds out the
/// others; nothing it sent is lost, it sends again.
public final class RateLimiter {
    /// What the gateway allows each key unless told otherwise: well above a hotline's peak, below
    /// what would starve the store.
    public static final RateLimiter DEFAULT = new RateLimiter(200, 400, System::nanoTime);

    private final double perNano;
    private final double burst;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>(); // tokens, last refill

    public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.clock = nanoClock;
    }

    /// Takes one request's token for `key`; false when the key has none left now.
    public boolean tryAcquire(String key) {
        long now = clock.getAsLong();
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {burst, now});
        synchronized (bucket) {
            bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) * perNano);
            bucket[1] = now;
            if (bucket[0] < 1) {
                return false;
            }
            bucket[0] -= 1;
            return true;
        }
    }

    /// Whole seconds until `key` has a token again (at least 1), for `Retry-After`.
    public long secondsToWait(String key) {
        double[] bucket = buckets.get(key);
        if (bucket == null) {
            return 1;
        }
        synchronized (bucket) {
            return Math.max(1, (long) Math.ceil((1 - bucket[0]) / perNano / 1e9));
        }
    }
}
