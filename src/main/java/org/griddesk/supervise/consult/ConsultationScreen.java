package org.griddesk.supervise.consult;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.ui.Windows;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.Session;
import org.griddesk.store.supervise.HardCaseRules;
import org.griddesk.store.supervise.SupervisionServices;
import org.griddesk.desk.SupervisionScreen;
import org.griddesk.supervise.drill.TicketHistory;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.TaskExecutor;

/// 会商研判 in the 督查考核 menu: for whoever may read the assessment (supervisors, the district
/// manager); recording is for supervisors of the district centre (the service decides).
public final class ConsultationScreen implements SupervisionScreen {
    private final Supplier<SupervisionServices> services;
    private final TaskExecutor executor;
    private final LongConsumer openTicket;
    private final HardCaseRules rules;
    private final Supplier<TicketHistory> history;

    /// @param services   the store's services, asked off the FX thread (null while the store is not open)
    /// @param history    the queue's rows of any ticket (null before the desk has read the district)
    /// @param openTicket shows a ticket in the desk's detail pane
    public ConsultationScreen(Supplier<SupervisionServices> services, Supplier<TicketHistory> history, TaskExecutor executor,
                              LongConsumer openTicket) {
        this(services, history, executor, openTicket, HardCaseRules.DEFAULT);
    }

    public ConsultationScreen(Supplier<SupervisionServices> services, Supplier<TicketHistory> history, TaskExecutor executor,
                              LongConsumer openTicket, HardCaseRules rules) {
        this.services = services;
        this.history = history;
        this.executor = executor;
        this.openTicket = openTicket;
        this.rules = rules;
    }

    @Override
    public String title(Language language) {
        return Messages.of(language, "i18n/consult").get("consult.title");
    }

    @Override
    public boolean allowedFor(Session session) {
        return session.may(Permission.ASSESSMENT_READ);
    }

    @Override
    public Window open(Window owner, Session session, Language language) {
        ConsultationViewModel model = new ConsultationViewModel(services, history, session, language, executor, rules);
        ConsultationView view = new ConsultationView(model, Messages.of(language), openTicket);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(model.words().get("consult.window.title"));
        Scene scene = Windows.fit(stage, view.root(), 1560, 900);
        SceneStyle.apply(scene);
        stage.show();
        model.load();
        return stage;
    }

    /// The supervisor's board's link: a button "会商研判 N" (N read off the FX thread whenever the
    /// person at the desk changes, and when the list is opened) that opens this screen.
    /// `opener` opens it the way the desk's menu does (so that the desk closes it on lock).
    public Button boardLink(ObservableValue<Session> person, Supplier<Language> language, Consumer<SupervisionScreen> opener) {
        Button link = new Button(title(language.get()));
        link.setId("boardConsultation");
        link.getStyleClass().add("supervisor-button");
        link.setFocusTraversable(false);
        Runnable recount = () -> {
            Session now = person.getValue();
            link.setText(title(language.get()));
            if (now == null || !allowedFor(now)) {
                return;
            }
            executor.submit(() -> {
                SupervisionServices s = services.get();
                return s == null ? -1 : s.consultations().count(now, rules);
            }, n -> {
                if (n >= 0 && now.equals(person.getValue())) {
                    link.setText(Messages.of(language.get(), "i18n/consult").get("consult.board", n));
                }
            }, failure -> { });
        };
        person.addListener((obs, old, now) -> recount.run());
        link.setOnAction(e -> {
            opener.accept(this);
            recount.run();
        });
        recount.run();
        return link;
    }
}
