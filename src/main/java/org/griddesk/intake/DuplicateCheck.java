package org.griddesk.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntUnaryOperator;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.DuplicateSuggestion.Kind;
import org.griddesk.domain.ticket.DuplicateSuggestion.Reason;

/// Checks a new request against every open ticket and names the ones it may repeat.
///
/// Each pair is scored from 0 to 1 by what they share: text alike (character bigrams, up to 0.45),
/// nearness (0.25 within 50 m, less further, 0.12 for the same grid without points), time (0.10
/// within 2 hours, less within 3 days), the same item (0.15) or category (0.07), the same caller's
/// phone (0.25) and the same camera and alarm type (0.5). A pair is suggested from [#SUGGEST] when
/// at least one strong sign is among them (text at least 35 % alike, the same phone or camera, or
/// the same item within 100 m): nearness and time alone never make a duplicate in a busy town centre.
///
/// Since no pair without a strong sign is ever suggested, only tickets that could have one are
/// scored: those sharing enough bigrams with the request (an inverted index, counted in plain int
/// arrays per checking thread), its phone, its camera and alarm type, or its item in a map cell next
/// to its point. The rest of the open tickets are never looked at.
final class DuplicateCheck {
    static final double SUGGEST = 0.5;
    static final int MAX_SUGGESTIONS = 5;
    /// map cells of 0.002° (about 170 m east–west, 220 m north–south here): the 3 × 3 cells around a
    /// point hold everything within 100 m of it
    static final double CELL = 0.002;
    /// text candidates scored at most, the most alike first: formulaic texts (the same street, the
    /// same "请尽快处理") can make thousands of tickets 35 % alike, and scoring them all would make the
    /// check as slow as a scan. Tickets with the same phone, camera, or item nearby are always scored.
    static final int MAX_TEXT_CANDIDATES = 300;
    /// bigrams shared by more open tickets than this (社区, 门口 …) are not counted, so a check's work
    /// stays bounded however many tickets are open; the bound below allows for them
    static final int COMMON_BIGRAM = 2000;

    private final Map<Long, Integer> slotOf = new HashMap<>();
    private RequestTraits[] slots = new RequestTraits[1024];
    private final IntList freeSlots = new IntList();
    private int slotCount;
    private final Map<Long, IntList> byBigram = new HashMap<>();
    private final Map<String, IntList> byPhone = new HashMap<>();
    private final Map<String, IntList> byCamera = new HashMap<>();
    /// tickets with an item and a point, by item and map cell (the "same item within 100 m" sign)
    private final Map<String, IntList> byItemCell = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /// each checking thread's counters, one per slot, cleared after use
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /// The open tickets it compares against, replacing what it had.
    void replaceAll(Collection<RequestTraits> tickets) {
        lock.writeLock().lock();
        try {
            slotOf.clear();
            slots = new RequestTraits[Math.max(1024, tickets.size() * 2)];
            freeSlots.clear();
            slotCount = 0;
            byBigram.clear();
            byPhone.clear();
            byCamera.clear();
            byItemCell.clear();
            tickets.forEach(this::index);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void put(RequestTraits ticket) {
        lock.writeLock().lock();
        try {
            unindex(ticket.id());
            index(ticket);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(long ticketId) {
        lock.writeLock().lock();
        try {
            unindex(ticketId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean contains(long ticketId) {
        lock.readLock().lock();
        try {
            return slotOf.containsKey(ticketId);
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return slotOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void index(RequestTraits t) {
        int slot;
        if (freeSlots.size() > 0) {
            slot = freeSlots.removeLast();
        } else {
            if (slotCount == slots.length) {
                slots = Arrays.copyOf(slots, slots.length * 2);
            }
            slot = slotCount++;
        }
        slots[slot] = t;
        slotOf.put(t.id(), slot);
        for (long bigram : t.bigrams()) {
            byBigram.computeIfAbsent(bigram, k -> new IntList()).add(slot);
        }
        if (t.callerPhone() != null) {
            byPhone.computeIfAbsent(t.callerPhone(), k -> new IntList()).add(slot);
        }
        if (t.cameraCode() != null) {
            byCamera.computeIfAbsent(t.cameraCode() + "|" + t.alarmType(), k -> new IntList()).add(slot);
        }
        if (t.hasPoint() && t.itemCode() != null) {
            byItemCell.computeIfAbsent(itemCell(t.itemCode(), t.lon(), t.lat(), 0, 0), k -> new IntList()).add(slot);
        }
    }

    private void unindex(long id) {
        Integer slot = slotOf.remove(id);
        if (slot == null) {
            return;
        }
        RequestTraits t = slots[slot];
        for (long bigram : t.bigrams()) {
            drop(byBigram, bigram, slot);
        }
        drop(byPhone, t.callerPhone(), slot);
        drop(byCamera, t.cameraCode() == null ? null : t.cameraCode() + "|" + t.alarmType(), slot);
        drop(byItemCell, t.hasPoint() && t.itemCode() != null ? itemCell(t.itemCode(), t.lon(), t.lat(), 0, 0) : null, slot);
        slots[slot] = null;
        freeSlots.add(slot);
    }

    private static <K> void drop(Map<K, IntList> index, K key, int slot) {
        if (key == null) {
            return;
        }
        IntList slots = index.get(key);
        if (slots != null && slots.removeValue(slot) && slots.size() == 0) {
            index.remove(key);
        }
    }

    private static String itemCell(String item, double lon, double lat, int dx, int dy) {
        long x = (long) Math.floor(lon / CELL) + dx;
        long y = (long) Math.floor(lat / CELL) + dy;
        return item + "|" + x + "|" + y;
    }

    /// The strongest matches of `request` among the open tickets, best first, at most [#MAX_SUGGESTIONS].
    List<DuplicateSuggestion> check(RequestTraits request) {
        List<DuplicateSuggestion> found = new ArrayList<>();
        lock.readLock().lock();
        try {
            Scratch s = scratch.get();
            s.ensure(slotCount);
            try {
                collect(request, s);
                for (int i = 0; i < s.candidates.size(); i++) {
                    RequestTraits candidate = slots[s.candidates.get(i)];
                    if (candidate != null && candidate.id() != request.id()) {
                        compare(request, candidate).ifPresent(found::add);
                    }
                }
            } finally {
                s.clear();
            }
        } finally {
            lock.readLock().unlock();
        }
        found.sort(Comparator.comparingDouble(DuplicateSuggestion::score).reversed()
                .thenComparing(DuplicateSuggestion::candidateId));
        return found.size() > MAX_SUGGESTIONS ? List.copyOf(found.subList(0, MAX_SUGGESTIONS)) : found;
    }

    /// Every open ticket that could share a strong sign with the request, into `s.candidates`. Text
    /// 35 % alike (Dice) shares at least 0.175 × (the request's bigrams + the ticket's), so a
    /// ticket sharing fewer is no text candidate.
    private void collect(RequestTraits r, Scratch s) {
        int common = 0;
        for (long bigram : r.bigrams()) {
            IntList sharing = byBigram.get(bigram);
            if (sharing != null && sharing.size() > COMMON_BIGRAM) {
                common++;
            } else if (sharing != null) {
                for (int i = 0; i < sharing.size(); i++) {
                    s.count(sharing.get(i));
                }
            }
        }
        int own = r.bigrams().length;
        int alike = 0;
        for (int i = 0; i < s.touched.size(); i++) {
            int slot = s.touched.get(i);
            RequestTraits t = slots[slot];
            if (t != null && s.counts[slot] + common >= 0.175 * (own + t.bigrams().length)) {
                s.touched.set(alike++, slot); // keep the alike ones at the front (counts stay, cleared later)
            }
        }
        if (alike > MAX_TEXT_CANDIDATES) {
            s.keepMostAlike(alike, MAX_TEXT_CANDIDATES, slot -> own + slots[slot].bigrams().length);
            alike = MAX_TEXT_CANDIDATES;
        }
        for (int i = 0; i < alike; i++) {
            s.candidate(s.touched.get(i));
        }
        if (r.callerPhone() != null) {
            s.candidates(byPhone.get(r.callerPhone()));
        }
        if (r.cameraCode() != null) {
            s.candidates(byCamera.get(r.cameraCode() + "|" + r.alarmType()));
        }
        if (r.hasPoint() && r.itemCode() != null) {
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    s.candidates(byItemCell.get(itemCell(r.itemCode(), r.lon(), r.lat(), dx, dy)));
                }
            }
        }
    }

    /// A checking thread's working memory: shared-bigram counts per slot, the slots counted, and
    /// the candidates chosen (each once).
    private static final class Scratch {
        int[] counts = new int[1024];
        boolean[] chosen = new boolean[1024];
        /// every slot counted (to clear), and the working list of text candidates
        final IntList counted = new IntList();
        final IntList touched = new IntList();
        final IntList candidates = new IntList();

        void ensure(int slots) {
            if (counts.length < slots) {
                counts = new int[slots * 2];
                chosen = new boolean[slots * 2];
            }
        }

        void count(int slot) {
            if (counts[slot]++ == 0) {
                counted.add(slot);
                touched.add(slot);
            }
        }

        /// Reorders the first `n` of `touched` so that the `keep` most alike (Dice from the shared
        /// count and the two sizes) come first.
        void keepMostAlike(int n, int keep, IntUnaryOperator sizes) {
            long[] ranked = new long[n];
            for (int i = 0; i < n; i++) {
                int slot = touched.get(i);
                double dice = 2.0 * counts[slot] / sizes.applyAsInt(slot);
                ranked[i] = ((long) (dice * 1_000_000) << 32) | slot;
            }
            Arrays.sort(ranked);
            for (int i = 0; i < keep; i++) {
                touched.set(i, (int) ranked[n - 1 - i]);
            }
        }

        void candidate(int slot) {
            if (!chosen[slot]) {
                chosen[slot] = true;
                candidates.add(slot);
            }
        }

        void candidates(IntList slots) {
            if (slots != null) {
                for (int i = 0; i < slots.size(); i++) {
                    candidate(slots.get(i));
                }
            }
        }

        void clear() {
            for (int i = 0; i < counted.size(); i++) {
                counts[counted.get(i)] = 0;
            }
            counted.clear();
            for (int i = 0; i < candidates.size(); i++) {
                chosen[candidates.get(i)] = false;
            }
            touched.clear();
            candidates.clear();
        }
    }

    /// A growable list of ints, without boxing.
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int i) {
            return values[i];
        }

        void set(int i, int value) {
            values[i] = value;
        }

        int size() {
            return size;
        }

        int removeLast() {
            return values[--size];
        }

        /// Removes one occurrence (order not kept); false when absent.
        boolean removeValue(int value) {
            for (int i = 0; i < size; i++) {
                if (values[i] == value) {
                    values[i] = values[--size];
                    return true;
                }
            }
            return false;
        }

        void clear() {
            size = 0;
        }
    }

    /// The score of one pair and its reasons, when it is worth suggesting.
    static Optional<DuplicateSuggestion> compare(RequestTraits request, RequestTraits candidate) {
        List<Reason> reasons = new ArrayList<>(4);
        double score = 0;
        boolean strong = false;
        if (request.cameraCode() != null && request.cameraCode().equals(candidate.cameraCode())
                && request.alarmType().equals(candidate.alarmType())) {
            score += 0.5;
            strong = true;
            reasons.add(new Reason(Kind.SAME_CAMERA, 0));
        }
        double text = Bigrams.dice(request.bigrams(), candidate.bigrams());
        if (text >= 0.2) {
            score += 0.45 * text;
            strong |= text >= 0.35;
            reasons.add(new Reason(Kind.TEXT, (int) Math.round(text * 100)));
        }
        if (request.callerPhone() != null && request.callerPhone().equals(candidate.callerPhone())) {
            score += 0.25;
            strong = true;
            reasons.add(new Reason(Kind.SAME_CALLER, 0));
        }
        if (request.hasPoint() && candidate.hasPoint()) {
            double metres = request.metresTo(candidate);
            double near = metres <= 50 ? 0.25 : metres <= 150 ? 0.18 : metres <= 500 ? 0.08 : 0;
            if (near > 0) {
                score += near;
                strong |= metres <= 100 && request.itemCode() != null && request.itemCode().equals(candidate.itemCode());
                reasons.add(new Reason(Kind.DISTANCE, (int) Math.round(metres)));
            }
        } else if (request.gridCode() != null && request.gridCode().equals(candidate.gridCode())) {
            score += 0.12;
            reasons.add(new Reason(Kind.SAME_GRID, 0));
        }
        long hours = Math.abs(Duration.between(request.at(), candidate.at()).toHours());
        double soon = hours < 2 ? 0.10 : hours < 24 ? 0.06 : hours < 72 ? 0.03 : 0;
        if (soon > 0) {
            score += soon;
            reasons.add(new Reason(Kind.HOURS_APART, (int) hours));
        }
        if (request.itemCode() != null && request.itemCode().equals(candidate.itemCode())) {
            score += 0.15;
            reasons.add(new Reason(Kind.SAME_ITEM, 0));
        } else if (request.categoryCode() != null && request.categoryCode().equals(candidate.categoryCode())) {
            score += 0.07;
            reasons.add(new Reason(Kind.SAME_CATEGORY, 0));
        }
        if (!strong || score < SUGGEST) {
            return Optional.empty();
        }
        double rounded = Math.round(Math.min(1, score) * 100) / 100.0;
        return Optional.of(new DuplicateSuggestion(candidate.id(), candidate.code(), rounded, reasons));
    }
}
