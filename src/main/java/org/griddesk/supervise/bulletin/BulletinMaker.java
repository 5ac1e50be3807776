package org.griddesk.supervise.bulletin;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Ranking;
import org.griddesk.domain.assessment.ScoreWeights;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.geo.Region;
import org.griddesk.store.assessment.TicketDigests.Digest;

/// Computes a [Bulletin] for a period: the district's figures now and before, the rankings of town
/// centres and departments, the district day by day, the map's areas and the notable cases. Blocks on
/// the store: never on the FX thread.
public final class BulletinMaker {
    /// notable cases of each kind
    static final int CASES_PER_KIND = 5;
    /// the engine's queries run this many at a time
    static final int PARALLEL = 3;

    private final BulletinSources sources;

    public BulletinMaker(BulletinSources sources) {
        this.sources = sources;
    }

    public Bulletin make(Period period) {
        ScoreWeights weights = sources.weights().get();
        // the engine's queries are independent: a few at once (the store's pool has 5 connections on H2)
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            Future<KpiSheet> now = pool.submit(() -> district(period));
            Future<KpiSheet> before = pool.submit(() -> district(period.previous()));
            Future<Ranking> centres = pool.submit(() -> ranking(period, UnitDimension.CENTRE, weights));
            Future<Ranking> departments = pool.submit(() -> ranking(period, UnitDimension.DEPARTMENT, weights));
            KpiSheet district = get(now);
            Future<SortedMap<LocalDate, Long>> intake = pool.submit(() -> intake(period, district.unitId()));
            Future<List<Region>> areas = pool.submit(() -> sources.areas().get());
            Map<String, String> names = new HashMap<>();
            get(centres).rows().forEach(r -> names.put(r.unitId(), r.unitName()));
            List<NotableCase> cases = cases(period, district.unitId(), names);
            return new Bulletin(period, sources.districtName(), district, get(before), get(centres), get(departments), get(intake),
                    get(areas), cases, weights);
        }
    }

    private static <T> T get(Future<T> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the bulletin was computed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /// The units of `dimension` ranked for `period` with the change from the period before, with the
    /// formula's current settings (what the ranking screen shows).
    public Ranking ranking(Period period, UnitDimension dimension) {
        return ranking(period, dimension, sources.weights().get());
    }

    private Ranking ranking(Period period, UnitDimension dimension, ScoreWeights weights) {
        KpiEngine engine = sources.engine();
        return Ranking.of(period, dimension, engine.sheets(period, dimension, KpiFilter.ALL),
                engine.sheets(period.previous(), dimension, KpiFilter.ALL), weights);
    }

    private KpiSheet district(Period period) {
        List<KpiSheet> sheets = sources.engine().sheets(period, UnitDimension.DISTRICT, KpiFilter.ALL);
        return sheets.isEmpty() ? new KpiSheet(UnitDimension.DISTRICT, "JN", sources.districtName(), Map.of()) : sheets.getFirst();
    }

    /// The tickets the engine counts as received by the district, by the Beijing day they were reported:
    /// one list of ids and their digests (the engine's day-by-day sheets compute every measure of every
    /// day, which on two years of history is far slower than the bulletin may take).
    private SortedMap<LocalDate, Long> intake(Period period, String districtId) {
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
            days.put(d, 0L);
        }
        List<Long> ids = sources.engine().ticketsBehind(period, UnitDimension.DISTRICT, districtId, Measure.RECEIVED, KpiFilter.ALL);
        for (Digest d : sources.digests().apply(ids)) {
            days.computeIfPresent(LocalDate.ofInstant(d.reportedAt(), WorkCalendar.ZONE), (day, n) -> n + 1);
        }
        return days;
    }

    /// the longest overdue (earliest due first), then the newest dissatisfied and reopened; ties by code
    private List<NotableCase> cases(Period period, String districtId, Map<String, String> names) {
        List<NotableCase> out = new ArrayList<>();
        Comparator<Digest> byCode = Comparator.comparing(Digest::code);
        for (Digest d : digests(period, districtId, Measure.OVERDUE_OPEN,
                Comparator.comparing(Digest::dueAt, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byCode))) {
            long days = d.dueAt() == null ? 0 : Duration.between(d.dueAt(), period.end()).toDays();
            out.add(notable(NotableCase.Kind.LONGEST_OVERDUE, d, names, "超期 " + days + " 天"));
        }
        Comparator<Digest> newest = Comparator.comparing(Digest::reportedAt).reversed().thenComparing(byCode);
        for (Digest d : digests(period, districtId, Measure.DISSATISFIED, newest)) {
            out.add(notable(NotableCase.Kind.DISSATISFIED, d, names, "回访不满意"));
        }
        for (Digest d : digests(period, districtId, Measure.REOPENED, newest)) {
            out.add(notable(NotableCase.Kind.REOPENED, d, names, "办结后重新办理"));
        }
        return out;
    }

    private List<Digest> digests(Period period, String districtId, Measure measure, Comparator<Digest> order) {
        List<Long> ids = sources.engine().ticketsBehind(period, UnitDimension.DISTRICT, districtId, measure, KpiFilter.ALL);
        return sources.digests().apply(ids).stream().sorted(order).limit(CASES_PER_KIND).toList();
    }

    private static NotableCase notable(NotableCase.Kind kind, Digest d, Map<String, String> names, String note) {
        return new NotableCase(kind, d.code(), names.getOrDefault(d.ownerUnitId(), d.ownerUnitId()), NotableCase.mask(d.summary()), note);
    }
}
