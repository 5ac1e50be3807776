package org.griddesk.supervise.visit;

import java.time.Clock;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.desk.SupervisionScreen;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.TaskExecutor;
import org.griddesk.ui.Windows;

/// 走访逾期 in the 督查考核 menu: the overdue duty visits of the town centre's town (the district
/// centre: the district's), and, for a supervisor, the declaration of a major event.
public final class OverdueVisitsScreen implements SupervisionScreen {
    static final String BUNDLE = "i18n/overdue";
    private final Supplier<Database> store;
    private final TaskExecutor executor;
    private final Clock clock;

    /// @param store the open store, asked off the FX thread (null while none is open)
    public OverdueVisitsScreen(Supplier<Database> store, TaskExecutor executor) {
        this(store, executor, Clock.systemUTC());
    }

    OverdueVisitsScreen(Supplier<Database> store, TaskExecutor executor, Clock clock) {
        this.store = store;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public String title(Language language) {
        return Messages.of(language, BUNDLE).get("overdue.title");
    }

    /// the households listed are the special groups of one's centre's grids (the service asks the same)
    @Override
    public boolean allowedFor(Session session) {
        return session.may(Permission.SPECIAL_GROUPS_READ);
    }

    @Override
    public Window open(Window owner, Session session, Language language) {
        OverdueVisitsViewModel model = new OverdueVisitsViewModel(store, session, executor, Messages.of(language, BUNDLE), clock);
        OverdueVisitsView view = new OverdueVisitsView(model);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(model.words().get("overdue.window.title", session.displayName()));
        Scene scene = Windows.fit(stage, view.root(), 1440, 1000);
        SceneStyle.apply(scene);
        stage.show();
        model.load();
        return stage;
    }
}
