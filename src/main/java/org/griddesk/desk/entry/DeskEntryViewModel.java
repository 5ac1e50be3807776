package org.griddesk.desk.entry;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
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
import javafx.collections.ObservableMap;
import org.griddesk.desk.place.PickedPlace;
import org.griddesk.desk.place.PlacePickerModel;
import org.griddesk.dispatch.ItemGuess;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.intake.DeskEntry;
import org.griddesk.intake.DeskEntryRefused;
import org.griddesk.intake.DeskIntake;
import org.griddesk.intake.FieldError;
import org.griddesk.intake.IntakeService;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The 席位录入 form's state: the caller, how the request came, its place, its text, the item (the
/// suggestion from the text until the person chooses another), urgency; the open tickets it may
/// repeat, checked off the FX thread once typing pauses ([Debounce]), the newest answer only; and
/// the errors of a refused save, by field. Saving goes through [EntryService] (the intake every
/// channel uses), which decides who may and what is wrong.
public final class DeskEntryViewModel {
    private static final Logger log = LoggerFactory.getLogger(DeskEntryViewModel.class);
    /// the fields errors are named by (as [DeskIntake][org.griddesk.intake.DeskIntake] names them)
    public static final List<String> FIELDS = List.of("callerName", "callerPhone", "place", "address", "content", "item");

    // Properties
    private final ObjectProperty<DeskEntry.Arrival> arrival = new SimpleObjectProperty<>(this, "arrival", DeskEntry.Arrival.PHONE);
    private final StringProperty callerName = new SimpleStringProperty(this, "callerName", "");
    private final StringProperty callerPhone = new SimpleStringProperty(this, "callerPhone", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty content = new SimpleStringProperty(this, "content", "");
    private final BooleanProperty urgent = new SimpleBooleanProperty(this, "urgent", false);
    private final PlacePickerModel place = new PlacePickerModel();
    private final ObjectProperty<Item> item = new SimpleObjectProperty<>(this, "item");
    private final ReadOnlyObjectWrapper<Item> suggestedItem = new ReadOnlyObjectWrapper<>(this, "suggestedItem");
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking", false);
    private final ReadOnlyLongWrapper savedTicket = new ReadOnlyLongWrapper(this, "savedTicket", -1);

    private final EntryService service;
    private final Actor taker;
    /// the item a text suggests (the learnt model when sure of one, else the name match)
    private final java.util.function.Function<String, java.util.Optional<Item>> suggestItem;
    private final TaskExecutor executor;
    private final Debounce debounce;
    private final Messages words;
    private final String entryId;
    /// whether the item follows the text's suggestion (until the person chooses another)
    private boolean itemFollows = true;
    private boolean suggesting;
    /// the newest duplicate check asked: older answers are dropped
    private long generation;

    /// @param entryId the form's own number (letters and digits): the same form saved twice makes one ticket
    public DeskEntryViewModel(EntryService service, Actor taker, List<Item> items, TaskExecutor executor, Debounce debounce,
                              Language language, String entryId) {
        this(service, taker, items, new ItemGuess(items)::guess, executor, debounce, language, entryId);
    }

    /// @param suggestItem the item a text suggests, if any (the desk's [org.griddesk.dispatch.ItemSuggestions#primary])
    public DeskEntryViewModel(EntryService service, Actor taker, List<Item> items,
                              java.util.function.Function<String, java.util.Optional<Item>> suggestItem, TaskExecutor executor,
                              Debounce debounce, Language language, String entryId) {
        this.service = service;
        this.taker = taker;
        this.items.setAll(items);
        this.suggestItem = suggestItem;
        this.executor = executor;
        this.debounce = debounce;
        this.words = Messages.of(language, "i18n/entry");
        this.entryId = entryId;
        content.addListener((obs, old, now) -> {
            suggest(now);
            changed("content");
        });
        callerPhone.addListener((obs, old, now) -> changed("callerPhone"));
        callerName.addListener((obs, old, now) -> errors.remove("callerName"));
        address.addListener((obs, old, now) -> changed("address"));
        place.chosenProperty().addListener((obs, old, now) -> changed("place"));
        arrival.addListener((obs, old, now) -> errors.remove("callerPhone"));
        item.addListener((obs, old, now) -> {
            if (!suggesting) {
                itemFollows = now == null || now.equals(suggestedItem.get());
            }
            changed("item");
        });
    }

    public Messages words() {
        return words;
    }

    public ObjectProperty<DeskEntry.Arrival> arrivalProperty() {
        return arrival;
    }

    public StringProperty callerNameProperty() {
        return callerName;
    }

    public StringProperty callerPhoneProperty() {
        return callerPhone;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty contentProperty() {
        return content;
    }

    public BooleanProperty urgentProperty() {
        return urgent;
    }

    public PlacePickerModel place() {
        return place;
    }

    /// the item the ticket is entered with (the dispatcher's accept starts from it)
    public ObjectProperty<Item> itemProperty() {
        return item;
    }

    /// the item the text suggests, or null
    public ReadOnlyObjectProperty<Item> suggestedItemProperty() {
        return suggestedItem.getReadOnlyProperty();
    }

    public ObservableList<Item> items() {
        return items;
    }

    /// open tickets the entry may repeat, best first
    public ObservableList<Candidate> candidates() {
        return candidates;
    }

    /// field → what is wrong with it (after a refused save), in the form's language
    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// a duplicate check is under way
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /// the ticket the desk shows once the entry is saved (-1 before): the one it made, or the
    /// candidate it was merged into
    public ReadOnlyLongProperty savedTicketProperty() {
        return savedTicket.getReadOnlyProperty();
    }

    /// What the item field says beside the suggestion: `建议：井盖缺失` or nothing.
    public String suggestionText() {
        Item s = suggestedItem.get();
        return s == null ? "" : words.get("entry.item.suggested", s.name(), s.code());
    }

    // Commands

    /// Saves the entry (off the FX thread). A refusal fills [#errors] field by field and changes nothing.
    public void save() {
        if (begin()) {
            DeskEntry entry = entry();
            executor.submit(() -> service.take(taker, entry), this::saved, this::failed);
        }
    }

    /// Saves the entry and merges it into `candidate` (off the FX thread), through the same intake
    /// as [#save]: the caller's request is recorded either way. Merged, the desk is shown the
    /// candidate ([#savedTicketProperty]); a merge the rules refuse keeps the new ticket, shown
    /// instead, and the message says why. A refused save fills [#errors] as [#save] does.
    public void mergeInto(Candidate candidate) {
        if (begin()) {
            DeskEntry entry = entry();
            executor.submit(() -> service.takeInto(taker, entry, candidate.ticketId()), outcome -> merged(outcome, candidate), this::failed);
        }
    }

    /// Whether a save may start now (none under way, none done); when so, the last refusal is cleared.
    private boolean begin() {
        if (busy.get() || savedTicket.get() > 0) {
            return false;
        }
        errors.clear();
        message.set("");
        busy.set(true);
        return true;
    }

    /// Checks for duplicates now (what the debounce runs).
    public void checkDuplicates() {
        long asked = ++generation;
        DeskEntry draft = entry();
        checking.set(true);
        executor.submit(() -> service.candidates(draft), found -> {
            if (asked == generation) {
                candidates.setAll(found);
                checking.set(false);
            }
        }, failure -> {
            if (asked == generation) {
                checking.set(false);
            }
            log.debug("duplicate check not done: {}", failure.toString());
        });
    }

    /// Stops what waits (the form closes).
    public void close() {
        debounce.cancel();
        generation++;
    }

    /// The entry as the form holds it now.
    public DeskEntry entry() {
        PickedPlace picked = place.chosenProperty().get();
        String grid = picked == null || picked.pickedOnMap() ? null : picked.gridCode();
        Double lon = picked == null ? null : picked.lon();
        Double lat = picked == null ? null : picked.lat();
        Item chosen = item.get();
        return new DeskEntry(entryId, arrival.get(), callerName.get(), callerPhone.get(), address.get(), grid, lon, lat,
                content.get(), chosen == null ? null : chosen.code(), urgent.get());
    }

    private void suggest(String text) {
        Item guessed = text == null || text.isBlank() ? null : suggestItem.apply(text).orElse(null);
        suggestedItem.set(guessed);
        if (itemFollows) {
            suggesting = true;
            try {
                item.set(guessed);
            } finally {
                suggesting = false;
            }
        }
    }

    private void changed(String field) {
        errors.remove(field);
        if (savedTicket.get() <= 0 && !busy.get()) {
            message.set(""); // a refusal's summary is out of date once a field changes; the fields still in error say so
        }
        if ("place".equals(field)) {
            errors.remove("address");
        }
        debounce.request(this::checkDuplicates);
    }

    private void saved(IntakeService.Accepted accepted) {
        done(words.get(accepted.alreadyThere() ? "entry.savedBefore" : "entry.saved", accepted.ticket().code()), accepted.ticket().id());
    }

    private void merged(DeskIntake.MergeOutcome outcome, Candidate into) {
        String code = outcome.taken().ticket().code();
        if (outcome.merged()) {
            done(words.get("entry.merged", code, into.code()), into.ticketId());
        } else {
            String why = words.language() == Language.ZH_CN ? outcome.whyZh() : outcome.whyEn();
            done(words.get("entry.mergeRefused", code, into.code(), why), outcome.taken().ticket().id());
        }
    }

    private void done(String said, long shown) {
        busy.set(false);
        debounce.cancel();
        generation++;
        // the message first: whoever hears the saved ticket reads it
        message.set(said);
        savedTicket.set(shown);
    }

    /// The store is not open yet: its message is for the person at the desk.
    public static final class NotReady extends IllegalStateException {
        public NotReady(String message) {
            super(message);
        }
    }

    private void failed(Throwable failure) {
        busy.set(false);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof DeskEntryRefused refused) {
            boolean zh = words.language() == Language.ZH_CN;
            for (FieldError e : refused.errors()) {
                errors.merge(e.field(), zh ? e.zh() : e.en(), (a, b) -> a + "；" + b);
            }
            message.set(words.get("entry.refused", refused.message(zh ? Locale.CHINA : Locale.ENGLISH).replace("\n", zh ? "；" : "; ")));
        } else {
            log.warn("desk entry not saved", cause);
            // the store's own words when it says why (away, not ready); never a driver's or SQL text
            String why = cause instanceof org.griddesk.store.StoreUnavailableException away ? away.message(words.language().locale())
                    : cause instanceof NotReady ? cause.getMessage() : words.get("entry.failed.unknown");
            message.set(words.get("entry.failed", why));
        }
    }
}
