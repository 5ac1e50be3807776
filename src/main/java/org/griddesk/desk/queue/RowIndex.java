package org.griddesk.desk.queue;

import java.util.Arrays;
import java.util.List;

/// Where each ticket stands in the queue's list, by ticket id: read again with every reload of
/// 10,000 rows, so it keeps its arrays between reloads and boxes nothing (a `HashMap<Long, Integer>`
/// made and filled per reload was a third of a reload's cost). Open addressing with linear probing;
/// ids are positive. Also marks which rows the reload saw again. FX thread only, like the queue.
final class RowIndex {
    private static final long EMPTY = 0;
    private long[] ids = new long[64];
    private int[] rows = new int[64];
    private boolean[] seen = new boolean[0];
    private int mask = 63;

    /// Forgets what it held and indexes `list` by position.
    void fill(List<QueueItem> list) {
        int size = list.size();
        int capacity = Integer.highestOneBit(Math.max(64, size * 2 - 1)) << 1;
        if (capacity != ids.length) {
            ids = new long[capacity];
            rows = new int[capacity];
            mask = capacity - 1;
        } else {
            Arrays.fill(ids, EMPTY);
        }
        if (seen.length < size) {
            seen = new boolean[Math.max(size, seen.length * 2)];
        } else {
            Arrays.fill(seen, 0, size, false);
        }
        for (int i = 0; i < size; i++) {
            long id = list.get(i).id();
            int slot = slot(id);
            ids[slot] = id;
            rows[slot] = i;
        }
    }

    /// The row of ticket `id` in the list last filled, marked seen; -1 when it was not there.
    int see(long id) {
        int slot = slot(id);
        if (ids[slot] == EMPTY) {
            return -1;
        }
        seen[rows[slot]] = true;
        return rows[slot];
    }

    /// Whether row `row` of the list last filled was seen again.
    boolean seen(int row) {
        return seen[row];
    }

    private int slot(long id) {
        if (id == EMPTY) {
            throw new IllegalArgumentException("ticket ids start at 1");
        }
        int slot = Long.hashCode(id * 0x9E3779B97F4A7C15L) & mask;
        while (ids[slot] != EMPTY && ids[slot] != id) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
