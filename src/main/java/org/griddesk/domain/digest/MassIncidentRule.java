package org.griddesk.domain.digest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/// Possible mass incidents: at least `minCallers` distinct callers on one subject (item, or
/// category) at one place (grid, or community) within `window`. Requests without a caller (the
/// grid app, video, sensors) do not count: a mass incident is people calling in. A group at a broader
/// level that holds no request beyond one already found at a narrower level is not reported twice.
///
/// @param minCallers distinct callers that make an incident (default 5)
/// @param window     the time they call within (default 2 hours)
public record MassIncidentRule(int minCallers, Duration window) {
    public static final MassIncidentRule DEFAULT = new MassIncidentRule(5, Duration.ofHours(2));

    public MassIncidentRule {
        if (minCallers < 2 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a mass incident needs at least 2 callers and a window longer than zero");
        }
    }

    /// The incidents among `arrivals` (any order), most specific level first, then by time.
    public List<MassIncident> find(List<Arrival> arrivals) {
        List<Arrival> called = arrivals.stream().filter(a -> a.callerIndex() != null)
                .sorted(Comparator.comparing((Arrival a) -> a.ticket().reportedAt()).thenComparing(a -> a.ticket().id())).toList();
        List<MassIncident> found = new ArrayList<>();
        for (MassIncident.Level level : MassIncident.Level.values()) {
            List<MassIncident> atLevel = new ArrayList<>();
            groups(called, level).forEach((key, group) -> busiestWindow(level, group).ifPresent(atLevel::add));
            for (MassIncident incident : atLevel) {
                if (found.stream().noneMatch(narrower -> covers(narrower, incident))) {
                    found.add(incident);
                }
            }
        }
        return found.stream().sorted(Comparator.comparing(MassIncident::level).thenComparing(MassIncident::from)).toList();
    }

    private static Map<List<String>, List<Arrival>> groups(List<Arrival> arrivals, MassIncident.Level level) {
        Function<Arrival, String> subject = level == MassIncident.Level.CATEGORY_COMMUNITY ? Arrival::categoryCode : Arrival::itemCode;
        Function<Arrival, String> place = level == MassIncident.Level.ITEM_GRID ? Arrival::gridCode : Arrival::communityCode;
        Map<List<String>, List<Arrival>> groups = new LinkedHashMap<>();
        for (Arrival a : arrivals) {
            String s = subject.apply(a);
            String p = place.apply(a);
            if (s != null && p != null) {
                groups.computeIfAbsent(List.of(s, p), k -> new ArrayList<>()).add(a);
            }
        }
        return groups;
    }

    /// The window of the group (oldest first) with the most distinct callers, if it has enough.
    private Optional<MassIncident> busiestWindow(MassIncident.Level level, List<Arrival> group) {
        Deque<Arrival> in = new ArrayDeque<>();
        Map<String, Integer> perCaller = new HashMap<>();
        List<Arrival> best = List.of();
        int bestCallers = 0;
        for (Arrival a : group) {
            in.addLast(a);
            perCaller.merge(a.callerIndex(), 1, Integer::sum);
            while (Duration.between(in.peekFirst().ticket().reportedAt(), a.ticket().reportedAt()).compareTo(window) > 0) {
                Arrival gone = in.removeFirst();
                perCaller.computeIfPresent(gone.callerIndex(), (k, n) -> n == 1 ? null : n - 1);
            }
            if (perCaller.size() > bestCallers) {
                bestCallers = perCaller.size();
                best = List.copyOf(in);
            }
        }
        if (bestCallers < minCallers) {
            return Optional.empty();
        }
        Arrival first = best.getFirst();
        boolean byCategory = level == MassIncident.Level.CATEGORY_COMMUNITY;
        boolean inGrid = level == MassIncident.Level.ITEM_GRID;
        Set<String> owners = new LinkedHashSet<>();
        best.forEach(a -> owners.add(a.ownerUnit()));
        return Optional.of(new MassIncident(level, byCategory ? first.categoryCode() : first.itemCode(),
                byCategory ? first.categoryName() : first.itemName(), inGrid ? first.gridCode() : first.communityCode(),
                inGrid ? first.gridName() : first.communityName(), first.ticket().reportedAt(), best.getLast().ticket().reportedAt(),
                bestCallers, best.stream().map(Arrival::ticket).toList(), List.copyOf(owners)));
    }

    /// `broader` adds no request to `narrower`: it is the same incident seen from further away.
    private static boolean covers(MassIncident narrower, MassIncident broader) {
        Set<Long> ids = new HashSet<>();
        narrower.tickets().forEach(t -> ids.add(t.id()));
        return broader.tickets().stream().allMatch(t -> ids.contains(t.id()));
    }
}
