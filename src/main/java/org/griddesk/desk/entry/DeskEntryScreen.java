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
    /// whose form [#open] is (the taker's account id)
    private String openFor;
    private DeskEntryViewModel openModel;
    private boolean parking;

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
    public Stage open(Window owner, Actor taker, List<Item> items, java.util.function.Function<String, java.util.Optional<Item>> suggestItem,
                      Supplier<List<org.griddesk.geo.Region>> regions, MapPoints map,
                      Language language, Saved onSaved, LongConsumer openTicket) {
        if (open != null && taker.id().equals(openFor)) {
            open.show(); // the form open or parked for this person, with what they typed
            open.toFront();
            open.requestFocus();
            return open;
        }
        discard();
        String entryId = HexFormat.of().formatHex(random());
        EntryService lazily = new EntryService() {
            @Override
            public List<Candidate> candidates(org.griddesk.intake.DeskEntry draft) {
                EntryService s = service.get();
                return s == null ? List.of() : s.candidates(draft);
            }

            @Override
            public org.griddesk.intake.IntakeService.Accepted take(Actor who, org.griddesk.intake.DeskEntry entry) {
                return ready().take(who, entry);
            }

            @Override
            public org.griddesk.intake.DeskIntake.MergeOutcome takeInto(Actor who, org.griddesk.intake.DeskEntry entry, long masterId) {
                return ready().takeInto(who, entry, masterId);
            }

            private EntryService ready() {
                EntryService s = service.get();
                if (s == null) {
                    throw new DeskEntryViewModel.NotReady(org.griddesk.ui.Messages.of(language, "i18n/entry").get("entry.notReady"));
                }
                return s;
            }
        };
        DeskEntryViewModel model = new DeskEntryViewModel(lazily, taker, items, suggestItem, executor, Debounce.fx(PAUSE), language, entryId);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        DeskEntryView view = new DeskEntryView(model, map, stage::hide, openTicket);
        if (view.root() instanceof Region r) {
            r.setPadding(new Insets(16));
        }
        stage.setTitle(model.words().get("entry.window.title", taker.name()));
        Scene scene = Windows.fit(stage, view.root(), 1100, 720);
        SceneStyle.apply(scene);
        stage.setOnHidden(e -> {
            model.close();
            map.cancel();
            if (!parking && open == stage) { // cancelled, saved or closed: the next Ctrl+N is a new form
                open = null;
                openFor = null;
                openModel = null;
            }
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
        openFor = taker.id();
        openModel = model;
        return stage;
    }

    /// The desk locks: the form is hidden with what was typed, for its person to find again ([#resume]).
    public void park() {
        if (open != null && open.isShowing()) {
            parking = true;
            try {
                open.hide();
            } finally {
                parking = false;
            }
        }
    }

    /// The desk is unlocked by `person`: their parked form comes back as they left it; anyone else's is
    /// dropped (another person never sees it).
    public void resume(Actor person) {
        if (open == null) {
            return;
        }
        if (person != null && person.id().equals(openFor) && openModel.savedTicketProperty().get() <= 0) {
            open.show();
            open.toFront();
        } else {
            discard();
        }
    }

    /// Drops the form and what was typed (the person left, or a new form replaces it).
    public void discard() {
        if (open != null) {
            Stage closing = open;
            open = null;
            openFor = null;
            openModel = null;
            closing.hide();
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
