package org.griddesk.patrol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/// The rules a posted batch meets before it is stored. A batch as a whole is refused when it is
/// empty or too large (nothing is stored; the app splits and sends again). A point that cannot be a
/// patrol of this district (outside every grid, in the future, older than the limit, a second fix at
/// the same second) is set aside with its reason, named in the answer; the others are stored in time
/// order. A batch whose every point is set aside stores nothing.
public final class BatchCheck {
    /// Why a point was set aside, in both languages, by its index in the batch as sent.
    public record SetAside(int index, String code, String zh, String en) {
    }

    /// The points kept (in time order), each with its grid, the grid most of them lie in, and the points set aside.
    public record Checked(List<PatrolPoint> kept, String mainGrid, List<SetAside> setAside) {
        public boolean empty() {
            return kept.isEmpty();
        }
    }

    /// A batch refused as a whole.
    public record Refused(String code, String zh, String en) {
    }

    private final PatrolLimits limits;
    private final BiFunction<Double, Double, Optional<String>> gridAt;

    /// `gridAt` names the grid a point (lon, lat) lies in, empty outside the district.
    public BatchCheck(PatrolLimits limits, BiFunction<Double, Double, Optional<String>> gridAt) {
        this.limits = limits;
        this.gridAt = gridAt;
    }

    public PatrolLimits limits() {
        return limits;
    }

    /// The batch's refusal as a whole, if it has one.
    public Optional<Refused> refusal(int points) {
        if (points == 0) {
            return Optional.of(new Refused("empty_batch", "批次中没有轨迹点", "the batch has no points"));
        }
        if (points > limits.maxPoints()) {
            return Optional.of(new Refused("batch_too_large",
                    "一个批次最多 " + limits.maxPoints() + " 个点（本批 " + points + " 个）：积压的轨迹请按时间顺序分批发送",
                    "a batch holds at most " + limits.maxPoints() + " points (this one " + points
                            + "): send a backlog as several batches in time order"));
        }
        return Optional.empty();
    }

    /// The batch's points checked at `now`; call only when [#refusal] is empty.
    public Checked check(List<PatrolPoint> points, Instant now) {
        record Indexed(int index, PatrolPoint point) {
        }
        List<Indexed> inOrder = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            inOrder.add(new Indexed(i, points.get(i)));
        }
        inOrder.sort(Comparator.comparing((Indexed x) -> x.point().at()).thenComparingInt(Indexed::index));
        Instant latest = now.plus(limits.futureSlack());
        Instant earliest = now.minus(limits.maxAge());
        List<PatrolPoint> kept = new ArrayList<>();
        List<SetAside> setAside = new ArrayList<>();
        Map<String, Integer> perGrid = new HashMap<>();
        Set<Long> seconds = new HashSet<>();
        for (Indexed x : inOrder) {
            PatrolPoint p = x.point();
            if (p.at().isAfter(latest)) {
                setAside.add(new SetAside(x.index(), "in_future", "时间晚于服务器当前时间（请校准手机时钟）",
                        "the time is later than the server's clock (set the phone's clock)"));
            } else if (p.at().isBefore(earliest)) {
                setAside.add(new SetAside(x.index(), "too_old", "早于 " + limits.maxAge().toDays() + " 天前，不再接收",
                        "older than " + limits.maxAge().toDays() + " days: no longer taken"));
            } else if (!seconds.add(p.at().getEpochSecond())) {
                setAside.add(new SetAside(x.index(), "same_second", "与本批另一个点时间相同（同一秒只保留第一个点）",
                        "another point of the batch has the same second (the first is kept)"));
            } else {
                Optional<String> grid = gridAt.apply(p.lon(), p.lat());
                if (grid.isEmpty()) {
                    seconds.remove(p.at().getEpochSecond());
                    setAside.add(new SetAside(x.index(), "outside_district", "不在本区任何网格内",
                            "not in any grid of the district"));
                } else {
                    kept.add(p);
                    perGrid.merge(grid.get(), 1, Integer::sum);
                }
            }
        }
        setAside.sort(Comparator.comparingInt(SetAside::index));
        String main = perGrid.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        return new Checked(List.copyOf(kept), main, List.copyOf(setAside));
    }
}
