package org.griddesk.supervise.digest;

import java.time.Clock;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.ui.Windows;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.Session;
import org.griddesk.store.digest.DigestRefused;
import org.griddesk.store.digest.HotlineDigestService;
import org.griddesk.desk.SupervisionScreen;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.TaskExecutor;

/// 专线舆情: the daily hotline digest as a screen of the 督查考核 menu, for whoever holds
/// ASSESSMENT_READ. Opens on yesterday's digest; its tickets open in the desk.
public final class HotlineDigestScreen implements SupervisionScreen {
    private final Supplier<HotlineDigestService> service;
    private final TaskExecutor executor;
    private final LongConsumer openTicket;

    /// @param service    the store's digest service (null until the store is open)
    /// @param openTicket picks a ticket in the desk (its detail pane)
    public HotlineDigestScreen(Supplier<HotlineDigestService> service, TaskExecutor executor, LongConsumer openTicket) {
        this.service = service;
        this.executor = executor;
        this.openTicket = openTicket;
    }

    @Override
    public String title(Language language) {
        return Messages.of(language, DigestRefused.BUNDLE).get("digest.title");
    }

    @Override
    public boolean allowedFor(Session session) {
        return session.may(Permission.ASSESSMENT_READ);
    }

    @Override
    public Window open(Window owner, Session session, Language language) {
        Messages words = Messages.of(language, DigestRefused.BUNDLE);
        DigestViewModel model = new DigestViewModel(service, session, words, executor, Clock.systemUTC());
        DigestView view = new DigestView(model, openTicket);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(words.get("digest.window"));
        Scene scene = Windows.fit(stage, view.root(), 1680, 920);
        SceneStyle.apply(scene);
        stage.show();
        model.make();
        return stage;
    }
}
