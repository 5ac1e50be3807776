package org.griddesk.supervise.stats;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.griddesk.desk.DeskModel;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.taxonomy.Category;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.assessment.SqlKpiEngine;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.desk.SupervisionScreen;
import org.griddesk.supervise.drill.TicketListWindow;
import org.griddesk.supervise.drill.TicketLists;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// 统计分析 in the desk's 督查考核 menu, for whoever may read assessments (supervisors, the district
/// manager). Reads the store the desk opened, through the KPI engine made for it.
public final class StatisticsScreen implements SupervisionScreen {
    private final StatisticsSource source;
    private final DeskModel desk;
    private final TicketLists lists;
    private final TaskExecutor executor;
    private final Clock clock;

    public StatisticsScreen(StatisticsSource source, DeskModel desk, TicketLists lists, TaskExecutor executor, Clock clock) {
        this.source = source;
        this.desk = desk;
        this.lists = lists;
        this.executor = executor;
        this.clock = clock;
    }

    /// The screen over the desk's store (null until it is open), with the SQL engine made for it once.
    public static StatisticsScreen of(Supplier<Database> store, DeskModel desk, TaskExecutor executor) {
        Clock clock = Clock.systemUTC();
        Function<Database, KpiEngine> engine = db -> SqlKpiEngine.of(db.dsl(), clock);
        return new StatisticsScreen(new StoreSource(store, engine), desk, TicketLists.of(desk, executor, clock), executor, clock);
    }

    @Override
    public String title(Language language) {
        return Messages.of(language, TicketListWindow.BUNDLE).get("stats.title");
    }

    @Override
    public boolean allowedFor(Session session) {
        return session.may(Permission.ASSESSMENT_READ);
    }

    @Override
    public Window open(Window owner, Session session, Language language) {
        StatisticsViewModel model = new StatisticsViewModel(source, executor, clock, Messages.of(language, TicketListWindow.BUNDLE),
                Messages.of(language));
        return StatisticsView.open(owner, model, desk.mapProperty().get(), lists.forViewer(session), language);
    }

    /// The desk's store: the engine made once per store, the categories read once.
    private static final class StoreSource implements StatisticsSource {
        private final Supplier<Database> store;
        private final Function<Database, KpiEngine> engine;
        private final AtomicReference<Made> made = new AtomicReference<>();

        private record Made(Database db, KpiEngine engine, List<Category> categories) {
        }

        StoreSource(Supplier<Database> store, Function<Database, KpiEngine> engine) {
            this.store = store;
            this.engine = engine;
        }

        /// once per store: two reads asking at once get the same engine (it brings the store's day table up first)
        private synchronized Made made() {
            Database db = store.get();
            if (db == null) {
                throw new IllegalStateException("the store is not open yet");
            }
            return made.updateAndGet(m -> m != null && m.db() == db ? m
                    : new Made(db, engine.apply(db), List.copyOf(new DistrictRepository(db.dsl()).taxonomy().categories())));
        }

        @Override
        public KpiEngine engine() {
            return made().engine();
        }

        @Override
        public List<Category> categories() {
            return made().categories();
        }
    }
}
