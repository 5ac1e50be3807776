package org.griddesk.supervise.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.PeriodKind;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.taxonomy.Category;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.map.Choropleth;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The statistics view's state: the period, dimension and filters asked for; the sheets of the
/// units, the towns, the top categories, the trends and the map's figure as last read (each read
/// off the FX thread, an older read never replacing a newer one); and a drill-down for every figure.
public final class StatisticsViewModel {
    private static final Logger log = LoggerFactory.getLogger(StatisticsViewModel.class);
    /// the district's own unit id when the engine names none
    static final String DISTRICT = "JN";
    /// the categories the top list shows
    static final int TOP = 10;

    /// The tickets behind a figure: what the drill-down window is titled and how it reads them.
    public record Drill(String title, Callable<List<Long>> ids) {
    }

    /// A first-level category and what it received in the period.
    public record CategoryCount(Category category, long received) {
    }

    private final StatisticsSource source;
    private final TaskExecutor executor;
    private final Messages words;
    private final Messages desk;

    // Properties: what is asked
    private final ObjectProperty<PeriodKind> periodKind = new SimpleObjectProperty<>(this, "periodKind", PeriodKind.MONTH);
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, "day");
    private final ObjectProperty<LocalDate> lastDay = new SimpleObjectProperty<>(this, "lastDay");
    private final ObjectProperty<UnitDimension> dimension = new SimpleObjectProperty<>(this, "dimension", UnitDimension.CENTRE);
    private final ObjectProperty<Channel> channel = new SimpleObjectProperty<>(this, "channel");
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<Integer> trendDays = new SimpleObjectProperty<>(this, "trendDays", 30);
    private final ObjectProperty<Rate> townRate = new SimpleObjectProperty<>(this, "townRate", Rate.RESOLVED_ON_TIME);
    private final ObjectProperty<Figure> mapFigure = new SimpleObjectProperty<>(this, "mapFigure", Figure.of(Measure.RECEIVED));
    private final ObjectProperty<UnitDimension> mapLevel = new SimpleObjectProperty<>(this, "mapLevel", UnitDimension.COMMUNITY);
    private final BooleanProperty largeType = new SimpleBooleanProperty(this, "largeType");

    // Properties: what was read
    private final ObservableList<Category> categories = FXCollections.observableArrayList();
    private final ObservableList<KpiSheet> sheets = FXCollections.observableArrayList();
    private final ObservableList<KpiSheet> towns = FXCollections.observableArrayList();
    private final ObservableList<CategoryCount> topCategories = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<KpiSheet> district = new ReadOnlyObjectWrapper<>(this, "district");
    private final ReadOnlyObjectWrapper<Trend> trend = new ReadOnlyObjectWrapper<>(this, "trend");
    private final ReadOnlyObjectWrapper<Choropleth> choropleth = new ReadOnlyObjectWrapper<>(this, "choropleth");
    private final ReadOnlyObjectWrapper<Period> shownPeriod = new ReadOnlyObjectWrapper<>(this, "shownPeriod");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private List<KpiSheet> mapSheets = List.of();
    private Period mapPeriod;
    private KpiFilter shownFilter = KpiFilter.ALL;
    /// each read is numbered: one that ends after a newer one began is dropped
    private final Map<String, Long> reads = new HashMap<>();
    private final AtomicReference<List<Category>> knownCategories = new AtomicReference<>();
    /// the parts read for the period shown, and the part the view shows
    private final java.util.Set<Section> read = java.util.EnumSet.noneOf(Section.class);
    private Section section = Section.TABLE;

    /// `words` is the statistics bundle, `desk` the desk's (channel names)
    public StatisticsViewModel(StatisticsSource source, TaskExecutor executor, Clock clock, Messages words, Messages desk) {
        this.source = source;
        this.executor = executor;
        this.words = words;
        this.desk = desk;
        // a month is what a supervisor reads first: the last whole one
        LocalDate today = LocalDate.now(clock.withZone(org.griddesk.domain.calendar.WorkCalendar.ZONE));
        day.set(YearMonth.from(today).minusMonths(1).atDay(1));
        lastDay.set(today);
        mapFigure.addListener((obs, old, now) -> recolour());
    }

    // ---- properties

    public ObjectProperty<PeriodKind> periodKindProperty() {
        return periodKind;
    }

    /// the day the period holds (day, week, month), or its first day (custom)
    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    /// the last day of a custom period
    public ObjectProperty<LocalDate> lastDayProperty() {
        return lastDay;
    }

    public ObjectProperty<UnitDimension> dimensionProperty() {
        return dimension;
    }

    /// null: every channel
    public ObjectProperty<Channel> channelProperty() {
        return channel;
    }

    /// null: every category
    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public ObjectProperty<Integer> trendDaysProperty() {
        return trendDays;
    }

    public ObjectProperty<Rate> townRateProperty() {
        return townRate;
    }

    public ObjectProperty<Figure> mapFigureProperty() {
        return mapFigure;
    }

    /// the places the map colours: communities or grids
    public ObjectProperty<UnitDimension> mapLevelProperty() {
        return mapLevel;
    }

    /// large type for the wall screen
    public BooleanProperty largeTypeProperty() {
        return largeType;
    }

    public ObservableList<Category> categories() {
        return categories;
    }

    /// one sheet per unit of the dimension, for the table
    public ObservableList<KpiSheet> sheets() {
        return sheets;
    }

    /// the centres' sheets, for the rates by town
    public ObservableList<KpiSheet> towns() {
        return towns;
    }

    public ObservableList<CategoryCount> topCategories() {
        return topCategories;
    }

    /// the whole district over the period shown
    public ReadOnlyObjectProperty<KpiSheet> districtProperty() {
        return district.getReadOnlyProperty();
    }

    /// the trends over the span asked (null while they are read)
    public ReadOnlyObjectProperty<Trend> trendProperty() {
        return trend.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Choropleth> choroplethProperty() {
        return choropleth.getReadOnlyProperty();
    }

    /// the period the figures shown are of (null before the first read)
    public ReadOnlyObjectProperty<Period> shownPeriodProperty() {
        return shownPeriod.getReadOnlyProperty();
    }

    /// what the view says above its figures: a period with no data, a period that cannot be, a failed read
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ---- commands

    /// The period asked for.
    ///
    /// @throws IllegalArgumentException in words, when it cannot be (a custom end before its start)
    public Period period() {
        LocalDate d = day.get();
        if (d == null) {
            throw new IllegalArgumentException(words.get("stats.noDay"));
        }
        return switch (periodKind.get()) {
            case DAY -> Period.day(d);
            case WEEK -> Period.weekOf(d);
            case MONTH -> Period.month(YearMonth.from(d));
            case CUSTOM -> {
                if (lastDay.get() == null) {
                    throw new IllegalArgumentException(words.get("stats.noDay"));
                }
                yield Period.custom(d, lastDay.get());
            }
        };
    }

    public KpiFilter filter() {
        return new KpiFilter(Optional.ofNullable(channel.get()), Optional.ofNullable(category.get()).map(Category::code));
    }

    /// Reads the table's figures for the period asked (the district and the units of the dimension)
    /// and, when they are shown, the other parts ([#showing]); the others are read when their tab is
    /// first shown. A period that cannot be is said in words and nothing is read.
    public void refresh() {
        Period period;
        try {
            period = period();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        KpiFilter filter = filter();
        UnitDimension dim = dimension.get();
        shownPeriod.set(period);
        shownFilter = filter;
        read.clear();
        long n = next("figures");
        busy.set(true);
        record Read(List<Category> categories, KpiSheet district, List<KpiSheet> sheets) {
        }
        executor.submit(() -> {
            KpiEngine engine = source.engine();
            List<Category> cats = categories0();
            KpiSheet whole = wholeDistrict(engine, period, filter);
            List<KpiSheet> units = dim == UnitDimension.DISTRICT ? List.of(whole) : engine.sheets(period, dim, filter);
            return new Read(cats, whole, units);
        }, done -> {
            if (n != reads.get("figures")) {
                return;
            }
            busy.set(false);
            if (categories.isEmpty()) {
                categories.setAll(done.categories());
            }
            district.set(done.district());
            sheets.setAll(done.sheets());
            if (dim == UnitDimension.CENTRE) {
                towns.setAll(done.sheets());
            }
            message.set(done.district().isEmpty() ? words.get("stats.empty", period.label()) : "");
        }, failure -> {
            if (n == reads.get("figures")) {
                busy.set(false);
                failed(period, failure);
            }
        });
        showing(section);
    }

    /// The parts of the view besides the table, each read when first shown for the period.
    public enum Section {
        TABLE,
        TRENDS,
        RANKING,
        MAP
    }

    /// The view shows this part now: it is read for the period shown, unless it was already.
    public void showing(Section now) {
        section = now;
        Period period = shownPeriod.get();
        if (period == null || !read.add(now)) {
            return;
        }
        switch (now) {
            case TABLE -> { }
            case TRENDS -> refreshTrend();
            case RANKING -> readRanking(period, shownFilter);
            case MAP -> readMap(period, shownFilter);
        }
    }

    /// Reads the map's places again (another level asked).
    public void refreshMap() {
        read.remove(Section.MAP);
        showing(section);
        if (section != Section.MAP && shownPeriod.get() != null) {
            read.add(Section.MAP);
            readMap(shownPeriod.get(), shownFilter);
        }
    }

    private void readRanking(Period period, KpiFilter filter) {
        boolean centresRead = dimension.get() == UnitDimension.CENTRE && !towns.isEmpty();
        long n = next("ranking");
        record Read(List<KpiSheet> towns, List<CategoryCount> top) {
        }
        executor.submit(() -> {
            KpiEngine engine = source.engine();
            String unit = wholeDistrict(engine, period, filter).unitId();
            List<KpiSheet> centres = centresRead ? null : engine.sheets(period, UnitDimension.CENTRE, filter);
            List<CategoryCount> top = categories0().stream()
                    .filter(c -> filter.categoryCode().map(c.code()::equals).orElse(true))
                    .map(c -> new CategoryCount(c, engine.ticketsBehind(period, UnitDimension.DISTRICT, unit, Measure.RECEIVED,
                            new KpiFilter(filter.channel(), Optional.of(c.code()))).size()))
                    .filter(c -> c.received() > 0)
                    .sorted(Comparator.comparingLong(CategoryCount::received).reversed()).limit(TOP).toList();
            return new Read(centres, top);
        }, done -> {
            if (n == reads.get("ranking")) {
                if (done.towns() != null) {
                    towns.setAll(done.towns());
                }
                topCategories.setAll(done.top());
            }
        }, failure -> failed(period, failure));
    }

    private void readMap(Period period, KpiFilter filter) {
        UnitDimension level = mapLevel.get();
        long n = next("map");
        executor.submit(() -> source.engine().sheets(period, level, filter), places -> {
            if (n == reads.get("map")) {
                mapSheets = places;
                mapPeriod = period;
                recolour();
            }
        }, failure -> failed(period, failure));
    }

    /// Reads the trends again, over the span asked, ending with the period shown.
    public void refreshTrend() {
        Period shown = shownPeriod.get();
        if (shown == null) {
            return;
        }
        KpiFilter filter = shownFilter;
        Period span = Trend.span(shown.last(), trendDays.get());
        long n = next("trend");
        trend.set(null); // the charts say it is being computed
        executor.submit(() -> {
            KpiEngine engine = source.engine();
            String unit = wholeDistrict(engine, Period.day(span.last()), KpiFilter.ALL).unitId();
            List<Trend.Bucket> buckets = new java.util.ArrayList<>();
            for (Period p : Trend.buckets(span)) {
                Map<Channel, Long> intake = new EnumMap<>(Channel.class);
                for (Channel c : Channel.values()) {
                    if (filter.channel().map(c::equals).orElse(true)) {
                        // the requests of a channel: the tickets RECEIVED counts, one query each
                        intake.put(c, (long) engine.ticketsBehind(p, UnitDimension.DISTRICT, unit, Measure.RECEIVED,
                                new KpiFilter(Optional.of(c), filter.categoryCode())).size());
                    }
                }
                buckets.add(new Trend.Bucket(p, Trend.label(span, p), intake, engine.sheet(p, UnitDimension.DISTRICT, unit, filter)));
            }
            return new Trend(List.copyOf(buckets));
        }, done -> {
            if (n == reads.get("trend")) {
                trend.set(done);
            }
        }, failure -> log.warn("cannot read the trends over {}", span.label(), failure));
    }

    private static KpiSheet wholeDistrict(KpiEngine engine, Period period, KpiFilter filter) {
        List<KpiSheet> whole = engine.sheets(period, UnitDimension.DISTRICT, filter);
        return whole.isEmpty() ? new KpiSheet(UnitDimension.DISTRICT, DISTRICT, "", Map.of()) : whole.getFirst();
    }

    private void failed(Period period, Throwable failure) {
        log.warn("cannot read the statistics of {}", period.label(), failure);
        message.set(words.get("stats.failed", failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
    }

    /// The tickets behind a unit's figure in the period shown: those a count counted, those a rate
    /// missed, those an average timed.
    public Drill drill(KpiSheet unit, Figure figure) {
        return drill(unit, figure, shownPeriod.get(), shownFilter);
    }

    /// The tickets behind a figure of a unit over any period (a trend's bucket) and filter.
    public Drill drill(KpiSheet unit, Figure figure, Period period, KpiFilter filter) {
        String name = words.get(figure.key());
        String title = words.get(figure.isRate() ? "drill.titleMissing" : "drill.title", unit.unitName(), name,
                period.label() + filterLabel(filter), figure.tickets(unit));
        // the engine is asked off the FX thread, when the list reads its tickets
        Callable<List<Long>> ids = switch (figure.kind()) {
            case RATE -> () -> source.engine().ticketsMissing(period, unit.dimension(), unit.unitId(), figure.rate(), filter);
            case COUNT, HOURS -> () -> source.engine().ticketsBehind(period, unit.dimension(), unit.unitId(), figure.measure(), filter);
        };
        return new Drill(title, ids);
    }

    /// The requests of one category in the period shown (a bar of the top categories).
    public Drill drill(CategoryCount top) {
        KpiSheet whole = district.get();
        KpiFilter filter = new KpiFilter(shownFilter.channel(), Optional.of(top.category().code()));
        KpiSheet unit = new KpiSheet(UnitDimension.DISTRICT, whole.unitId(), whole.unitName(), Map.of(Measure.RECEIVED, top.received()));
        return drill(unit, Figure.of(Measure.RECEIVED), shownPeriod.get(), filter);
    }

    /// The sheet of a place the map shows (for a click on the map), if it has any figure.
    public Optional<KpiSheet> place(String regionCode) {
        return mapSheets.stream().filter(s -> s.unitId().equals(regionCode)).findFirst();
    }

    /// ` · 热线` / ` · 市容环境` for a narrowed filter, empty for all
    private String filterLabel(KpiFilter filter) {
        String c = filter.channel().map(ch -> " · " + desk.get("channel." + ch.name())).orElse("");
        String k = filter.categoryCode().map(code -> " · " + categories.stream().filter(x -> x.code().equals(code))
                .findFirst().map(Category::name).orElse(code)).orElse("");
        return c + k;
    }

    /// the map's colours for the figure asked, from the places last read
    private void recolour() {
        if (mapPeriod == null) {
            return;
        }
        Figure figure = mapFigure.get();
        Map<String, Double> values = new HashMap<>();
        for (KpiSheet s : mapSheets) {
            figure.value(s).ifPresent(v -> values.put(s.unitId(), v));
        }
        String title = words.get(figure.key()) + " · " + mapPeriod.label();
        choropleth.set(figure.isRate() ? Choropleth.shares(title, values) : Choropleth.counts(title, values));
    }

    /// the first-level categories, read once
    private List<Category> categories0() {
        return knownCategories.updateAndGet(known -> known != null ? known : List.copyOf(source.categories()));
    }

    private long next(String read) {
        return reads.merge(read, 1L, Long::sum);
    }
}
