package org.griddesk.desk.entry;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.griddesk.desk.place.MapPoints;
import org.griddesk.desk.place.PlaceSearch;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.intake.DeskIntake;
import org.griddesk.ui.Language;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.TaskExecutor;
import org.griddesk.ui.Windows;

/// Opens the 席位录入 form in a window of its own beside the desk (not modal: the desk's map stays
/// at hand for 地图选点). The store's side comes through [EntryService], asked off the FX thread; the
/// district's places are read once, in the background, the first time the form opens.
public final class DeskEntryScreen {
    /// how long typing pauses before the duplicate check runs
    public static final Duration PAUSE = Duration.millis(350);

    private final Supplier<EntryService> service;
    private final TaskExecutor executor;
    private volatile PlaceSearch places;
    private Stage open;

    /// @param service the store's entry service, asked off the FX thread (null while the store is not ready)
    public DeskEntryScreen(Supplier<EntryService> service, TaskExecutor executor) {
        this.service = service;
        this.executor = executor;
    }

    /// What the desk does once an entry is stored: select the ticket, say so.
    public interface Saved {
        void saved(long ticketId, String said);
    }

    /// Whether `actor` may enter tickets at the desk (the service decides again when saving).
    public static boolean allowedFor(Actor actor) {
        return DeskIntake.mayTake(actor);
    }

    /// Opens the form for `taker` (or brings back the one open). `regions`: the district's areas,
    /// communities and grids (read off the FX thread the first time); `onSaved` hears the new
    /// ticket's id once it is stored and the form has closed; `openTicket` shows a candidate.
    public Stage open(Window owner, Actor taker, List<Item> items, Supplier<List<org.griddesk.geo.Region>> regions, MapPoints map,
                      Language language, Saved onSaved, LongConsumer openTicket) {
        if (open != null && open.isShowing()) {
            open.toFront();
            open.requestFocus();
            return open;
        }
        String entryId = HexFormat.of().formatHex(random());
        EntryService lazily = new EntryService() {
            @Override
            public List<Candidate> candidates(org.griddesk.intake.DeskEntry draft) {
                EntryService s = service.get();
                return s == null ? List.of() : s.candidates(draft);
            }

            @Override
            public org.griddesk.intake.IntakeService.Accepted take(Actor who, org.griddesk.intake.DeskEntry entry) {
                EntryService s = service.get();
                if (s == null) {
                    throw new IllegalStateException(org.griddesk.ui.Messages.of(language, "i18n/entry").get("entry.notReady"));
                }
                return s.take(who, entry);
            }
        };
        DeskEntryViewModel model = new DeskEntryViewModel(lazily, taker, items, executor, Debounce.fx(PAUSE), language, entryId);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        DeskEntryView view = new DeskEntryView(model, map, () -> {
            map.cancel();
            stage.hide();
        }, openTicket);
        if (view.root() instanceof Region r) {
            r.setPadding(new Insets(16));
        }
        stage.setTitle(model.words().get("entry.window.title", taker.name()));
        Scene scene = Windows.fit(stage, view.root(), 1100, 720);
        SceneStyle.apply(scene);
        stage.setOnHidden(e -> {
            model.close();
            map.cancel();
        });
        model.savedTicketProperty().addListener((obs, old, id) -> {
            if (id.longValue() > 0) {
                stage.hide();
                onSaved.saved(id.longValue(), model.messageProperty().get());
            }
        });
        stage.show();
        view.firstField().requestFocus();
        if (places != null) {
            model.place().searchProperty().set(places);
        } else {
            executor.submit(() -> new PlaceSearch(regions.get()), built -> {
                places = built;
                model.place().searchProperty().set(built);
            }, failure -> org.slf4j.LoggerFactory.getLogger(DeskEntryScreen.class).warn("places not read", failure));
        }
        open = stage;
        return stage;
    }

    private static byte[] random() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
