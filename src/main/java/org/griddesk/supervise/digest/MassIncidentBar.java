package org.griddesk.supervise.digest;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.griddesk.desk.DeskWindow;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.digest.DigestSettings;
import org.griddesk.domain.digest.MassIncident;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.store.digest.DigestRefused;
import org.griddesk.store.digest.DigestRepository;
import org.griddesk.store.feed.ChangeBatch;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The supervisor's notice of possible mass incidents (群体性事件苗头), over the queue: told at once
/// as requests arrive ([MassIncidentWatch] on the change feed), each with its place, subject,
/// callers and tickets (a click opens one in the desk) until the supervisor dismisses it. A district
/// supervisor sees every incident; a town centre's those among its own tickets.
public final class MassIncidentBar extends VBox implements DeskWindow.QueuePane {
    private static final Logger log = LoggerFactory.getLogger(MassIncidentBar.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final LongConsumer pick;
    private final List<MassIncident> shown = new ArrayList<>();
    private Messages words;
    private DeskUser user;

    public MassIncidentBar(Messages messages, ObservableValue<DeskUser> user, LongConsumer pick) {
        this.pick = pick;
        this.words = Messages.of(messages.language(), DigestRefused.BUNDLE);
        setId("massIncidentBar");
        getStyleClass().addAll("supervisor-board", "mass-incident-bar");
        setSpacing(4);
        this.user = user.getValue();
        user.addListener((obs, old, now) -> {
            this.user = now;
            shown.clear();
            refresh();
        });
        refresh();
    }

    /// The bar, and the watch that feeds it from the desk's core once the store is open
    /// (`onCore` hears the core): each arriving batch is checked through `executor`.
    public static MassIncidentBar following(Consumer<Consumer<DeskCore>> onCore, TaskExecutor executor, Messages messages,
                                            ObservableValue<DeskUser> user, LongConsumer pick) {
        MassIncidentBar bar = new MassIncidentBar(messages, user, pick);
        onCore.accept(core -> {
            MassIncidentWatch watch = new MassIncidentWatch(DigestRepository.of(core.database()), DigestSettings.DEFAULT,
                    Clock.systemUTC());
            core.subscribe(new DeskCore.Listener() {
                @Override
                public void onState(org.griddesk.store.ConnectionState state) {
                    // the status bar tells the connection's state
                }

                @Override
                public void onChanges(ChangeBatch batch) {
                    if (MassIncidentWatch.arriving(batch)) {
                        executor.submit(() -> watch.check(batch), bar::tell,
                                failure -> log.warn("mass-incident check failed: {}", failure.getMessage()));
                    }
                }
            });
        });
        return bar;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void useMessages(Messages messages) {
        this.words = Messages.of(messages.language(), DigestRefused.BUNDLE);
        refresh();
    }

    /// New incidents (on the UI thread): those the seated supervisor watches are shown.
    public void tell(List<MassIncident> incidents) {
        for (MassIncident incident : incidents) {
            if (watches(incident)) {
                shown.removeIf(incident::sameAs);
                shown.addFirst(incident);
            }
        }
        refresh();
    }

    /// the incidents on the bar, newest first
    public List<MassIncident> shown() {
        return List.copyOf(shown);
    }

    private boolean watches(MassIncident incident) {
        DeskUser seated = user;
        if (seated == null || !seated.supervisor()) {
            return false;
        }
        return seated.unit().level() == UnitLevel.DISTRICT || incident.ownerUnits().contains(seated.unit().id());
    }

    private void refresh() {
        getChildren().clear();
        boolean visible = !shown.isEmpty() && user != null && user.supervisor();
        setVisible(visible);
        setManaged(visible);
        if (!visible) {
            return;
        }
        Label title = new Label(words.get("digest.notice.title", shown.size()));
        title.getStyleClass().addAll("supervisor-section", "mass-incident-title");
        getChildren().add(title);
        for (MassIncident m : shown) {
            Label text = new Label(words.get("digest.notice.text", m.placeName(), TIME.format(m.from()), TIME.format(m.to()),
                    m.callers(), m.subjectName(), words.get("digest.level." + m.level().name()), m.tickets().size()));
            text.setWrapText(true);
            text.getStyleClass().add("supervisor-row-text");
            FlowPane codes = new FlowPane(4, 0);
            m.tickets().forEach(t -> {
                Hyperlink link = new Hyperlink(t.code());
                link.setOnAction(e -> pick.accept(t.id()));
                codes.getChildren().add(link);
            });
            Button dismiss = new Button(words.get("digest.notice.dismiss"));
            dismiss.getStyleClass().add("supervisor-button");
            dismiss.setOnAction(e -> {
                shown.remove(m);
                refresh();
            });
            VBox body = new VBox(2, text, codes);
            HBox.setHgrow(body, Priority.ALWAYS);
            HBox row = new HBox(6, body, dismiss);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("supervisor-row");
            row.setId("massIncident-" + m.level().name() + "-" + m.place() + "-" + m.subject());
            getChildren().add(row);
        }
    }
}
