package org.griddesk.desk.place;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The place picker's state: what is typed, what it finds, what was chosen. Typing searches (the
/// [PlaceSearch] is fast enough to ask on every key); choosing a hit or a point on the map sets
/// [#chosenProperty]; typing something else afterwards clears it. Holds no nodes.
public final class PlacePickerModel {
    static final int SHOWN = PlaceSearch.DEFAULT_LIMIT;

    // Properties
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<NamedPlace> hits = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PickedPlace> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ObjectProperty<PlaceSearch> search = new SimpleObjectProperty<>(this, "search");
    /// the text shown for the chosen place: typing it back does not clear the choice
    private String chosenText = "";

    public PlacePickerModel() {
        query.addListener((obs, old, now) -> typed(now));
        search.addListener((obs, old, now) -> typed(query.get()));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<NamedPlace> hits() {
        return hits;
    }

    public ReadOnlyObjectProperty<PickedPlace> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /// The district's places (null until read).
    public ObjectProperty<PlaceSearch> searchProperty() {
        return search;
    }

    // Commands

    /// Chooses a place found by name.
    public void choose(NamedPlace place) {
        set(PickedPlace.named(place), place.label());
    }

    /// Chooses a point picked on the map: the grid under it, when there is one.
    public void pointPicked(double lon, double lat) {
        PlaceSearch s = search.get();
        NamedPlace grid = s == null ? null : s.gridAt(lon, lat).orElse(null);
        set(new PickedPlace(grid, lon, lat), String.format(java.util.Locale.ROOT, "%s (%.5f, %.5f)",
                grid == null ? "" : grid.label(), lon, lat).strip());
    }

    /// Forgets the choice and the text.
    public void clear() {
        chosen.set(null);
        chosenText = "";
        query.set("");
        hits.clear();
    }

    private void set(PickedPlace picked, String text) {
        chosenText = text;
        chosen.set(picked);
        query.set(text);
        hits.clear();
    }

    private void typed(String text) {
        if (text.equals(chosenText) && chosen.get() != null) {
            hits.clear();
            return;
        }
        chosen.set(null);
        chosenText = "";
        PlaceSearch s = search.get();
        hits.setAll(s == null ? java.util.List.of() : s.search(text, SHOWN));
    }
}
