package org.griddesk.supervise.handover;

import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.ui.Windows;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.Session;
import org.griddesk.store.supervise.SupervisionServices;
import org.griddesk.desk.SupervisionScreen;
import org.griddesk.supervise.drill.TicketHistory;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.TaskExecutor;

/// 交接班 in the 督查考核 menu, for supervisors: their centre's hand-over now, and the earlier ones.
public final class HandoverScreen implements SupervisionScreen {
    private final Supplier<SupervisionServices> services;
    private final TaskExecutor executor;
    private final LongConsumer openTicket;
    private final Supplier<TicketHistory> history;

    /// @param services   the store's services, asked off the FX thread (null while the store is not open)
    /// @param history    the queue's rows of any ticket (null before the desk has read the district)
    /// @param openTicket shows a ticket in the desk's detail pane
    public HandoverScreen(Supplier<SupervisionServices> services, Supplier<TicketHistory> history, TaskExecutor executor,
                          LongConsumer openTicket) {
        this.services = services;
        this.history = history;
        this.executor = executor;
        this.openTicket = openTicket;
    }

    @Override
    public String title(Language language) {
        return Messages.of(language, "i18n/handover").get("handover.title");
    }

    @Override
    public boolean allowedFor(Session session) {
        return session.may(Permission.SHIFT_HANDOVER);
    }

    @Override
    public Window open(Window owner, Session session, Language language) {
        HandoverViewModel model = new HandoverViewModel(services, history, session, language, executor);
        HandoverView view = new HandoverView(model, Messages.of(language), openTicket);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(model.words().get("handover.window.title", session.displayName()));
        Scene scene = Windows.fit(stage, view.root(), 1800, 960);
        SceneStyle.apply(scene);
        stage.show();
        model.load();
        return stage;
    }
}
