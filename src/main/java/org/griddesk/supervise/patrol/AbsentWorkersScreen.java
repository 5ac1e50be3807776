package org.griddesk.supervise.patrol;

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

/// 无巡查无走访网格员 in the 督查考核 menu: the town centre's list of grid workers with neither a patrol
/// nor a household visit on a working day (the district centre sees the district's).
public final class AbsentWorkersScreen implements SupervisionScreen {
    static final String BUNDLE = "i18n/patrol";
    private final Supplier<Database> store;
    private final TaskExecutor executor;

    /// @param store the open store, asked off the FX thread (null while none is open)
    public AbsentWorkersScreen(Supplier<Database> store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
    }

    @Override
    public String title(Language language) {
        return Messages.of(language, BUNDLE).get("absent.title");
    }

    @Override
    public boolean allowedFor(Session session) {
        return session.may(Permission.ASSESSMENT_READ);
    }

    @Override
    public Window open(Window owner, Session session, Language language) {
        AbsentWorkersViewModel model = new AbsentWorkersViewModel(store, session, executor, Messages.of(language, BUNDLE),
                Clock.systemUTC());
        AbsentWorkersView view = new AbsentWorkersView(model);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(model.words().get("absent.window.title", session.displayName()));
        Scene scene = Windows.fit(stage, view.root(), 900, 700);
        SceneStyle.apply(scene);
        stage.show();
        model.load();
        return stage;
    }
}
