package org.griddesk.desk.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;

/// The intake queue: every open ticket, filtered by channel, stage, overdue and the user's centre
/// and by a search over code, text, item and place; risk first (overdue, at risk, urgent, then by
/// the deadline), oldest first within each. Rows new since the previous load are marked fresh for
/// a while, so they draw the eye without taking the focus. FX thread only.
public final class QueueViewModel {
    /// how long a new row stays marked
    static final Duration FRESH_FOR = Duration.ofSeconds(15);

    /// The stages a dispatcher filters by.
    public enum Stage {
        ALL(s -> true),
        /// waiting to be accepted (待受理)
        WAITING(s -> s == TicketState.REPORTED),
        /// accepted and being handled
        HANDLING(TicketState::isBeingHandled),
        /// handled, waiting for verification or callback
        CHECKING(s -> s == TicketState.HANDLED || s == TicketState.VERIFIED || s == TicketState.ANSWERED
                || s == TicketState.CALLBACK),
        /// handed up, waiting for the centre above
        ESCALATED(s -> s == TicketState.ESCALATED);

        private final Predicate<TicketState> states;

        Stage(Predicate<TicketState> states) {
            this.states = states;
        }

        boolean includes(TicketState state) {
            return states.test(state);
        }
    }

    /// Risk first: overdue, at risk, urgent, normal, waiting. Within each, the desk's own work first
    /// (rows with no learnt chance: waiting to be accepted or dispatched, by their deadline), then
    /// the teams' work, the likelier to miss its deadline first (the learnt chance), then the sooner due.
    public static final Comparator<QueueItem> RISK_FIRST = QueueViewModel::riskFirst;

    /// [#RISK_FIRST] by hand: a whole queue of 10,000 rows is sorted with each reload, and a chain of
    /// boxed key extractors costs a good part of a millisecond more
    private static int riskFirst(QueueItem a, QueueItem b) {
        int c = a.risk().compareTo(b.risk());
        if (c != 0) {
            return c;
        }
        boolean learntA = a.hasBreachChance();
        if (learntA != b.hasBreachChance()) {
            return learntA ? 1 : -1;
        }
        if (learntA) {
            c = Double.compare(b.breachChance(), a.breachChance());
            if (c != 0) {
                return c;
            }
        }
        if (a.due() == null || b.due() == null) {
            c = a.due() == null ? (b.due() == null ? 0 : 1) : -1;
        } else {
            c = a.due().compareTo(b.due());
        }
        if (c != 0) {
            return c;
        }
        c = a.reportedAt().compareTo(b.reportedAt());
        return c != 0 ? c : Long.compare(a.id(), b.id());
    }

    /// How the queue is ordered: risk first (the default), the next deadline first, the newest or the
    /// oldest request first.
    public enum Sort {
        RISK(RISK_FIRST),
        DUE(Comparator.comparing(QueueItem::due, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(QueueItem::id)),
        NEWEST(Comparator.comparing(QueueItem::reportedAt).reversed().thenComparing(QueueItem::id)),
        OLDEST(Comparator.comparing(QueueItem::reportedAt).thenComparing(QueueItem::id));

        private final Comparator<QueueItem> order;

        Sort(Comparator<QueueItem> order) {
            this.order = order;
        }
    }

    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(this, "sort", Sort.RISK);
    private final ObservableList<QueueItem> all = FXCollections.observableArrayList();
    /// one wrapper, kept: a wrapper made per call would drop its listeners when collected
    private final ObservableList<QueueItem> allReadOnly = FXCollections.unmodifiableObservableList(all);
    private final FilteredList<QueueItem> filtered = new FilteredList<>(all);
    private final SortedList<QueueItem> shown = new SortedList<>(filtered, RISK_FIRST);
    private final ObjectProperty<Channel> channel = new SimpleObjectProperty<>(this, "channel");
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(this, "stage", Stage.ALL);
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty(this, "overdueOnly");
    private final ObjectProperty<QueueItem.Named> area = new SimpleObjectProperty<>(this, "area");
    private final ObjectProperty<QueueItem.Named> category = new SimpleObjectProperty<>(this, "category");
    private final ObservableList<QueueItem.Named> areas = FXCollections.observableArrayList();
    private final ObservableList<QueueItem.Named> categories = FXCollections.observableArrayList();
    private final BooleanProperty mineOnly = new SimpleBooleanProperty(this, "mineOnly");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(this, "now", Instant.EPOCH);
    private final ReadOnlyIntegerWrapper overdue = new ReadOnlyIntegerWrapper(this, "overdue");
    private final ReadOnlyIntegerWrapper atRisk = new ReadOnlyIntegerWrapper(this, "atRisk");
    private final ObservableSet<Long> fresh = FXCollections.observableSet(new HashSet<>());
    /// the rows behind [#fresh], as last read
    private final Map<Long, QueueItem> freshRows = new HashMap<>();
    private final ReadOnlyIntegerWrapper freshUrgent = new ReadOnlyIntegerWrapper(this, "freshUrgent");
    private final RowIndex rowIndex = new RowIndex();
    /// rows the user sees at all, whatever the filters
    private int visible;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope");
    private final BooleanProperty historyArriving = new SimpleBooleanProperty(this, "historyArriving");
    private boolean loadedOnce;
    /// the history's tickets are not news: the first load after it was written marks none fresh
    private boolean historyJustArrived;
    private Instant freshSince = Instant.EPOCH;

    /// Which open tickets a user sees at all, and which are theirs (the "mine" filter): a centre
    /// sees what it owns, what it handed up and what another centre hands to it; the district centre sees every ticket; a team sees
    /// what it was given.
    public record Scope(Predicate<QueueItem> sees, Predicate<QueueItem> mine) {
        public static final Scope EVERYTHING = new Scope(i -> true, i -> true);

        /// The scope of a user of `unitId`: a centre (`district` when it is the district centre) or a team.
        public static Scope of(String unitId, boolean centre, boolean district) {
            if (!centre) {
                Predicate<QueueItem> given = i -> unitId.equals(i.work().assignedTeamId())
                        || i.work().summonedTeams().contains(unitId);
                return new Scope(given, given);
            }
            // a ticket handed to the centre is its own to decide on (移交): it sees it and finds it under "mine"
            Predicate<QueueItem> owned = i -> i.ownerUnitId().equals(unitId) || i.work().handedTo(unitId);
            return new Scope(district ? i -> true : owned.or(i -> i.work().watchedBy(unitId)), owned);
        }
    }

    /// Sees every ticket, and `myCentre`'s as its own, until [#useScope] says otherwise.
    public QueueViewModel(String myCentre) {
        scope.set(new Scope(i -> true, i -> i.ownerUnitId().equals(myCentre)));
        scope.addListener((obs, old, now) -> {
            refilter();
            count();
        });
        channel.addListener((obs, old, now) -> refilter());
        stage.addListener((obs, old, now) -> refilter());
        overdueOnly.addListener((obs, old, now) -> refilter());
        area.addListener((obs, old, now) -> refilter());
        sort.addListener((obs, old, now) -> shown.setComparator((now == null ? Sort.RISK : now).order));
        category.addListener((obs, old, now) -> refilter());
        mineOnly.addListener((obs, old, now) -> refilter());
        historyArriving.addListener((obs, was, arriving) -> historyJustArrived |= was && !arriving);
        search.addListener((obs, old, now) -> refilter());
    }

    /// Takes a fresh load of the rows, at `at`; rows not there before are marked fresh (but not on
    /// the first load, nor those a first start's history brings). Only what
    /// changed is touched (rows replaced, added, removed in place), so a reload with one new ticket
    /// among ten thousand costs the list one insertion, not a rebuild.
    public void show(List<QueueItem> items, Instant at) {
        if (Duration.between(freshSince, at).compareTo(FRESH_FOR) > 0 && !fresh.isEmpty()) {
            clearFresh();
            countFreshUrgent();
        }
        List<QueueItem> added = new ArrayList<>();
        boolean changed = takeIn(items, added) || !added.isEmpty() || !loadedOnce;
        if (loadedOnce && !historyArriving.get() && !historyJustArrived) {
            added.forEach(i -> freshRows.put(i.id(), i));
            added.forEach(i -> fresh.add(i.id()));
            freshSince = added.isEmpty() ? freshSince : at;
        }
        loadedOnce = true;
        historyJustArrived = false;
        all.addAll(added);
        loaded.set(true);
        now.set(at);
        if (changed) {
            count();
            options();
        }
    }

    /// Replaces the rows that changed, in place, and removes those no longer open; the new rows are
    /// put in `added`. Whether a row was replaced or removed.
    private boolean takeIn(List<QueueItem> items, List<QueueItem> added) {
        int n = all.size();
        // the store reads the queue in id order and new tickets come last: most often every row
        // stands where it stood, and none needs looking up
        int same = 0;
        boolean changed = false;
        while (same < n && same < items.size() && all.get(same).id() == items.get(same).id()) {
            changed |= replace(same, items.get(same));
            same++;
        }
        if (same == n) {
            added.addAll(items.subList(same, items.size()));
            return changed;
        }
        rowIndex.fill(all);
        int kept = same;
        for (QueueItem item : items.subList(same, items.size())) {
            int i = rowIndex.see(item.id());
            if (i < 0) {
                added.add(item);
            } else {
                kept++;
                changed |= replace(i, item);
            }
        }
        if (kept < n) {
            Set<Long> gone = new HashSet<>();
            for (int i = same; i < n; i++) {
                if (!rowIndex.seen(i)) {
                    gone.add(all.get(i).id());
                }
            }
            all.removeIf(i -> gone.contains(i.id()));
            freshRows.keySet().removeAll(gone);
            changed = true;
        }
        return changed;
    }

    private boolean replace(int row, QueueItem item) {
        QueueItem before = all.get(row);
        if (before == item || before.equals(item)) {
            return false;
        }
        all.set(row, item);
        freshRows.computeIfPresent(item.id(), (id, old) -> item);
        return true;
    }

    /// The areas and categories the open tickets have, for the filters (sorted by code).
    private void options() {
        TreeMap<String, QueueItem.Named> a = new TreeMap<>();
        TreeMap<String, QueueItem.Named> c = new TreeMap<>();
        for (QueueItem i : all) {
            if (i.work().area() != null) {
                a.putIfAbsent(i.work().area().code(), i.work().area());
            }
            if (i.work().category() != null) {
                c.putIfAbsent(i.work().category().code(), i.work().category());
            }
        }
        if (!areas.equals(List.copyOf(a.values()))) {
            areas.setAll(a.values());
        }
        if (!categories.equals(List.copyOf(c.values()))) {
            categories.setAll(c.values());
        }
    }

    /// The filters as one line (`channel=VIDEO;stage=WAITING;overdue=true;…`), for a saved view.
    public String viewSpec() {
        return new SavedViewSpec(channel.get(), stage.get(), area.get() == null ? null : area.get().code(),
                category.get() == null ? null : category.get().code(), overdueOnly.get(), sort.get(), mineOnly.get(),
                search.get()).line();
    }

    /// Sets every filter from a saved view's line; what it does not name is cleared. Unknown parts
    /// (a channel or stage this version does not have) are left out.
    public void applyView(String spec) {
        SavedViewSpec view = SavedViewSpec.parse(spec);
        channel.set(view.channel());
        stage.set(view.stage());
        area.set(named(view.areaCode(), QueueItem.Work::area));
        category.set(named(view.categoryCode(), QueueItem.Work::category));
        overdueOnly.set(view.overdueOnly());
        sort.set(view.sort());
        mineOnly.set(view.mineOnly());
        search.set(view.search());
    }

    private QueueItem.Named named(String code, Function<QueueItem.Work, QueueItem.Named> of) {
        if (code == null) {
            return null;
        }
        return all.stream().map(i -> of.apply(i.work())).filter(n -> n != null && n.code().equals(code)).findFirst()
                .orElse(new QueueItem.Named(code, code));
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    public ObjectProperty<QueueItem.Named> areaProperty() {
        return area;
    }

    public ObjectProperty<QueueItem.Named> categoryProperty() {
        return category;
    }

    /// The areas among the open tickets, for the area filter.
    public ObservableList<QueueItem.Named> areas() {
        return areas;
    }

    /// The categories among the open tickets, for the category filter.
    public ObservableList<QueueItem.Named> categories() {
        return categories;
    }

    /// The clock moved on: countdowns follow, fresh marks fade.
    public void tick(Instant at) {
        now.set(at);
        if (!fresh.isEmpty() && Duration.between(freshSince, at).compareTo(FRESH_FOR) > 0) {
            clearFresh();
            countFreshUrgent();
        }
    }

    private void refilter() {
        String words = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        Channel onlyChannel = channel.get();
        Stage onlyStage = stage.get() == null ? Stage.ALL : stage.get();
        Scope in = scope.get();
        QueueItem.Named onlyArea = area.get();
        QueueItem.Named onlyCategory = category.get();
        filtered.setPredicate(i -> in.sees().test(i)
                && (onlyChannel == null || i.channel() == onlyChannel)
                && onlyStage.includes(i.state())
                && (!overdueOnly.get() || i.risk() == QueueItem.Risk.OVERDUE)
                && (onlyArea == null || i.work().area() != null && onlyArea.code().equals(i.work().area().code()))
                && (onlyCategory == null || i.work().category() != null && onlyCategory.code().equals(i.work().category().code()))
                && (!mineOnly.get() || in.mine().test(i))
                && (words.isEmpty() || matches(i, words)));
        countFreshUrgent();
    }

    private static boolean matches(QueueItem i, String words) {
        return i.code().contains(words) || i.shortText().toLowerCase(Locale.ROOT).contains(words)
                || i.itemName().contains(words) || i.place().contains(words)
                || i.gridCode() != null && i.gridCode().toLowerCase(Locale.ROOT).contains(words);
    }

    /// The counts over every row the user sees, in one pass (a reload of 10,000 rows runs it).
    private void count() {
        Predicate<QueueItem> sees = scope.get().sees();
        int late = 0;
        int risky = 0;
        int seen = 0;
        for (QueueItem i : all) {
            if (sees.test(i)) {
                seen++;
                late += i.risk() == QueueItem.Risk.OVERDUE ? 1 : 0;
                risky += i.risk() == QueueItem.Risk.AT_RISK ? 1 : 0;
            }
        }
        visible = seen;
        overdue.set(late);
        atRisk.set(risky);
        countFreshUrgent();
    }

    /// How many urgent rows among those shown arrived in the last [#FRESH_FOR]: counted over the
    /// new rows alone, not the whole queue.
    private void countFreshUrgent() {
        Predicate<? super QueueItem> shows = filtered.getPredicate();
        int n = 0;
        for (QueueItem i : freshRows.values()) {
            if (i.urgent() && (shows == null || shows.test(i))) {
                n++;
            }
        }
        freshUrgent.set(n);
    }

    private void clearFresh() {
        freshRows.clear();
        fresh.clear();
    }

    /// Nobody sits at the desk any more (sign-out, change of person): no row, no filter text of
    /// theirs remains; the next person's rows come with the next load, none of them marked fresh.
    public void clear() {
        all.clear();
        clearFresh();
        search.set("");
        mineOnly.set(false);
        loadedOnce = false;
        loaded.set(false);
        count();
    }

    /// Who sits at the desk changed: the queue shows what they see.
    /// what the user sees now (the desktop notifications ask it)
    public Scope scope() {
        return scope.get();
    }

    public void useScope(Scope newScope) {
        scope.set(newScope);
    }

    /// Every open ticket read, whoever may see it (the team board and the supervisor's board count from it).
    public ObservableList<QueueItem> all() {
        return allReadOnly;
    }

    /// Whether the open tickets have been read once.
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /// True while a first start still writes the demo district's history: the open tickets arrive
    /// with its most recent days, so an empty queue then means "not yet", not "nothing open".
    public BooleanProperty historyArrivingProperty() {
        return historyArriving;
    }

    /// What the list shows: filtered and sorted.
    public ObservableList<QueueItem> shown() {
        return shown;
    }

    /// Every open ticket the user sees, unfiltered.
    public int total() {
        return visible;
    }

    public ObjectProperty<Channel> channelProperty() {
        return channel;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    public BooleanProperty mineOnlyProperty() {
        return mineOnly;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    public ReadOnlyIntegerProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty atRiskProperty() {
        return atRisk.getReadOnlyProperty();
    }

    /// Urgent rows shown that arrived in the last [#FRESH_FOR].
    public ReadOnlyIntegerProperty freshUrgentProperty() {
        return freshUrgent.getReadOnlyProperty();
    }

    /// Rows that arrived in the last [#FRESH_FOR].
    public ObservableSet<Long> fresh() {
        return fresh;
    }

    /// `1:23:45` left, or `-0:12:00` past the due time; empty when the row races no deadline.
    static String countdown(Instant due, Instant now) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(now, due);
        Duration abs = left.abs();
        long hours = abs.toHours();
        String text = hours >= 48 ? abs.toDays() + "d " + abs.toHoursPart() + "h"
                : hours + ":" + twoDigits(abs.toMinutesPart()) + ":" + twoDigits(abs.toSecondsPart());
        return left.isNegative() ? "-" + text : text;
    }

    /// each shown row's countdown is written again with every tick and reload: no format string parsed
    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
