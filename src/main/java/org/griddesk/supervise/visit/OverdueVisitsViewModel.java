package org.griddesk.supervise.visit;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.visit.MajorEvent;
import org.griddesk.domain.visit.VisitRefused;
import org.griddesk.domain.visit.VisitSchedule;
import org.griddesk.domain.visit.VisitScope;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.visit.VisitRepository;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;
import org.griddesk.visit.OverdueVisits;
import org.griddesk.visit.VisitPlans;

/// The overdue duty visits of the signed-in person's centre (a town centre: its town, by community
/// and household; the district centre: the district) and the declaration of a major event. The
/// service ([VisitPlans]) decides the scope and who may read or declare; every store call runs on
/// the executor, and a refusal shows in words with nothing changed.
final class OverdueVisitsViewModel {
    // Properties
    private final ObservableList<VisitLine> lines = FXCollections.observableArrayList();
    private final FilteredList<VisitLine> shown = new FilteredList<>(lines);
    private final ObservableList<CommunityLine> communities = FXCollections.observableArrayList();
    private final ObjectProperty<CommunityLine> community = new SimpleObjectProperty<>(this, "community");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper frequencies = new ReadOnlyStringWrapper(this, "frequencies", "");
    private final ReadOnlyStringWrapper declareMessage = new ReadOnlyStringWrapper(this, "declareMessage", "");
    private final ReadOnlyBooleanWrapper declareRefused = new ReadOnlyBooleanWrapper(this, "declareRefused");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringProperty regionCode = new SimpleStringProperty(this, "regionCode", "");
    private final StringProperty eventTitle = new SimpleStringProperty(this, "eventTitle", "");
    private final BooleanProperty empty = new SimpleBooleanProperty(this, "empty");
    private final ReadOnlyObjectWrapper<VisitLine> declared = new ReadOnlyObjectWrapper<>(this, "declared");
    private final ReadOnlyBooleanWrapper wholeDistrict = new ReadOnlyBooleanWrapper(this, "wholeDistrict");

    private final Supplier<Database> store;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages words;
    private final Clock clock;

    OverdueVisitsViewModel(Supplier<Database> store, Session session, TaskExecutor executor, Messages words, Clock clock) {
        this.store = store;
        this.session = session;
        this.executor = executor;
        this.words = words;
        this.clock = clock;
        community.addListener((obs, old, now) -> {
            shown.setPredicate(now == null ? null : line -> now.communityCode().equals(line.communityCode()));
            if (now != null && mayDeclare()) {
                regionCode.set(now.communityCode());
            }
        });
    }

    ObservableList<VisitLine> lines() {
        return lines;
    }

    /// the lines of the community picked in the summary, or all
    ObservableList<VisitLine> shownLines() {
        return shown;
    }

    ObservableList<CommunityLine> communities() {
        return communities;
    }

    ObjectProperty<CommunityLine> communityProperty() {
        return community;
    }

    ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyStringProperty frequenciesProperty() {
        return frequencies.getReadOnlyProperty();
    }

    ReadOnlyStringProperty declareMessageProperty() {
        return declareMessage.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty declareRefusedProperty() {
        return declareRefused.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// the first of the visits the latest declaration called for (the screen shows it), or null
    ReadOnlyObjectProperty<VisitLine> declaredProperty() {
        return declared.getReadOnlyProperty();
    }

    /// true when the list is the district's (its summary names the towns), false for a town's
    ReadOnlyBooleanProperty wholeDistrictProperty() {
        return wholeDistrict.getReadOnlyProperty();
    }

    /// true when the list was read and holds nothing (the empty state says so in words)
    BooleanProperty emptyProperty() {
        return empty;
    }

    StringProperty regionCodeProperty() {
        return regionCode;
    }

    StringProperty eventTitleProperty() {
        return eventTitle;
    }

    Messages words() {
        return words;
    }

    /// Whether the declaration form is offered: the permission table's answer; the service checks again.
    boolean mayDeclare() {
        return session.may(Permission.VISIT_EVENT_DECLARE);
    }

    // Commands

    /// Reads the centre's list.
    void load() {
        message.set(words.get("overdue.loading"));
        run(plans -> plans.read(), this::show, failure -> message.set(refusal(failure)));
    }

    /// Declares a major event for the region code and title in the form, then reads the list again;
    /// a refusal is shown in words and the form and the list stay as they were.
    void declare() {
        String code = regionCode.get();
        String title = eventTitle.get();
        declareRefused.set(false);
        declareMessage.set(words.get("overdue.declaring"));
        run(plans -> {
            MajorEvent event = plans.plans().declare(plans.actor(), code, title);
            Read list = plans.read();
            return new Declared(event, list, list.visits().visits().stream().filter(d -> d.eventId() == event.id()).count());
        }, done -> {
            show(done.list());
            VisitLine first = lines.stream().filter(l -> l.eventId() == done.event().id()).findFirst().orElse(null);
            if (first != null && !shown.contains(first)) {
                community.set(null); // the event's area is not the community picked: show all
            }
            declared.set(first);
            eventTitle.set("");
            declareMessage.set(words.get("overdue.declared", done.event().title(), done.list().visits().name(done.event().regionCode()),
                    done.called(), VisitLine.time(done.event().dueAt())));
        }, failure -> {
            declareRefused.set(true);
            declareMessage.set(refusal(failure));
        });
    }

    /// @param called how many visits the event calls for in this centre's list
    private record Declared(MajorEvent event, Read list, long called) {
    }

    /// The list as read, with the frequencies in force (the screen's rows are made off the FX thread).
    private record Read(OverdueVisits visits, VisitSchedule schedule, List<VisitLine> lines, List<CommunityLine> communities) {
    }

    /// The service for this session, with the session as the service sees it.
    private record Plans(VisitPlans plans, Actor actor, Messages words) {
        Read read() {
            OverdueVisits list = plans.overdueFor(actor);
            List<VisitLine> lines = list.visits().stream().map(d -> VisitLine.of(d, list, words)).toList();
            List<CommunityLine> communities = list.byCommunity().stream().map(c -> CommunityLine.of(c, list, list.at())).toList();
            return new Read(list, plans.schedule(), lines, communities);
        }
    }

    private void show(Read read) {
        OverdueVisits list = read.visits();
        boolean district = list.scope().level() == VisitScope.Level.DISTRICT;
        wholeDistrict.set(district);
        heading.set(district ? words.get("overdue.heading.district")
                : words.get("overdue.heading.town", list.name(list.scope().code())));
        String picked = community.get() == null ? null : community.get().communityCode();
        lines.setAll(read.lines());
        communities.setAll(read.communities());
        community.set(read.communities().stream().filter(c -> c.communityCode().equals(picked)).findFirst().orElse(null));
        long overdue = read.lines().stream().filter(VisitLine::overdue).count();
        long open = read.lines().size() - overdue;
        empty.set(read.lines().isEmpty());
        String where = words.get(district ? "overdue.where.district" : "overdue.where.town");
        long eventOverdue = read.lines().stream().filter(l -> l.overdue() && l.majorEvent()).count();
        message.set(overdue == 0 ? words.get("overdue.none", where)
                : eventOverdue == 0 ? words.get("overdue.count", overdue, read.communities().size())
                : words.get("overdue.countWithEvents", overdue, read.communities().size(), eventOverdue));
        if (open > 0) {
            message.set(message.get() + words.get("overdue.openEvents", open));
        }
        frequencies.set(words.get("overdue.frequencies", java.util.Arrays.stream(Category.values())
                .map(c -> words.get("overdue.category." + c.name()) + " " + words.get("overdue.frequency." + read.schedule().of(c).name()))
                .collect(Collectors.joining(words.get("overdue.separator")))));
    }

    private interface Work<T> {
        T on(Plans plans) throws Exception;
    }

    private <T> void run(Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Database db = store.get();
        if (db == null) {
            message.set(words.get("overdue.noStore"));
            return;
        }
        busy.set(true);
        Callable<T> call = () -> work.on(plans(db));
        executor.submit(call, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            failed.accept(failure);
        });
    }

    /// The service on this store, and the signed-in person as it sees them (acting role, unit).
    private Plans plans(Database db) {
        Unit unit = new DistrictRepository(db.dsl()).organisation().unit(session.unitId())
                .orElseThrow(() -> new VisitRefused("visits.refused.scope", session.unitId()));
        Actor actor = new Actor(session.accountId(), session.displayName(), session.actingRole(), unit);
        VisitPlans plans = new VisitPlans(new VisitRepository(db.dsl()), clock);
        return new Plans(plans, actor, words);
    }

    private String refusal(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof VisitRefused refused ? refused.message(words.language().locale())
                : words.get("overdue.failed", String.valueOf(cause.getMessage()));
    }
}
