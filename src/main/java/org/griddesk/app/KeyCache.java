package org.griddesk.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/// Remembers for a few seconds whom a key's digest belongs to, so the gateway does not ask the
/// store on every request; a revoked key stops working within [#TTL_NANOS].
final class KeyCache<T> implements Function<String, Optional<T>> {
    static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<T>(Optional<T> holder, long until) {
    }

    private final Function<String, Optional<T>> lookup;
    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();

    private KeyCache(Function<String, Optional<T>> lookup) {
        this.lookup = lookup;
    }

    static <T> KeyCache<T> of(Function<String, Optional<T>> lookup) {
        return new KeyCache<>(lookup);
    }

    @Override
    public Optional<T> apply(String digest) {
        long now = System.nanoTime();
        Entry<T> entry = entries.get(digest);
        if (entry == null || now - entry.until() > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // someone trying many keys: do not let the cache grow with them
            }
            entry = new Entry<>(lookup.apply(digest), now + TTL_NANOS);
            entries.put(digest, entry);
        }
        return entry.holder();
    }
}
