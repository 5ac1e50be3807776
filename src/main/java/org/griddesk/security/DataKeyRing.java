package org.griddesk.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// The data keys a desk holds: the current one, which seals everything written from now on, and the
/// older ones by id, which still open what they sealed until a rotation has re-sealed it all.
public final class DataKeyRing {
    private final DataKey current;
    private final Map<String, DataKey> byId;

    public DataKeyRing(DataKey current, List<DataKey> older) {
        if (current == null) {
            throw new IllegalArgumentException("a key ring needs a current key");
        }
        this.current = current;
        Map<String, DataKey> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        for (DataKey k : older) {
            if (keys.putIfAbsent(k.id(), k) != null && !k.equals(keys.get(k.id()))) {
                throw new IllegalArgumentException("two data keys have the id " + k.id());
            }
        }
        this.byId = Map.copyOf(keys);
    }

    public static DataKeyRing of(DataKey current) {
        return new DataKeyRing(current, List.of());
    }

    public DataKey current() {
        return current;
    }

    public Optional<DataKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /// The ids of every key, the current one first.
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        ids.add(current.id());
        byId.keySet().stream().filter(id -> !id.equals(current.id())).sorted().forEach(ids::add);
        return ids;
    }

    /// A ring whose current key is `next` and which keeps every key of this one (a rotation's start).
    public DataKeyRing rotatedTo(DataKey next) {
        List<DataKey> older = new ArrayList<>(byId.values());
        return new DataKeyRing(next, older);
    }

    /// Only the current key (a rotation's end, once nothing is sealed with the others).
    public DataKeyRing currentOnly() {
        return of(current);
    }

    @Override
    public String toString() {
        return "DataKeyRing" + ids();
    }
}
