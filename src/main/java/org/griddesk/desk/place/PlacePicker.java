package org.griddesk.desk.place;

import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.griddesk.geo.RegionLevel;
import org.griddesk.ui.Messages;

/// Finds a community or grid by name, code or pinyin, or takes a click on the map: a text field
/// with what it finds listed under it, and a 地图选点 button. Works from the keyboard: type, ↓ into
/// the list, Enter chooses (Enter on the field chooses the first hit), Esc goes back to the field.
/// Ids: `placeQuery`, `placeHits`, `placeOnMap`.
public final class PlacePicker extends VBox {
    private final PlacePickerModel model;
    private final TextField query = new TextField();
    private final ListView<NamedPlace> list = new ListView<>();
    private final Button onMap = new Button();

    /// `words`: a bundle with `place.prompt`, `place.onMap`, `place.onMap.waiting`, `place.community`, `place.grid`.
    public PlacePicker(PlacePickerModel model, Messages words, MapPoints map) {
        this.model = model;
        getStyleClass().add("place-picker");
        setSpacing(4);
        query.setId("placeQuery");
        query.setPromptText(words.get("place.prompt"));
        query.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(query, Priority.ALWAYS);
        onMap.setId("placeOnMap");
        onMap.setMnemonicParsing(true);
        onMap.setText(words.get("place.onMap"));
        onMap.setVisible(map != MapPoints.NONE);
        onMap.setManaged(map != MapPoints.NONE);
        onMap.setOnAction(e -> {
            onMap.setText(words.get("place.onMap.waiting"));
            map.pick((lon, lat) -> {
                onMap.setText(words.get("place.onMap"));
                model.pointPicked(lon, lat);
            });
        });
        list.setId("placeHits");
        list.setItems(model.hits());
        list.setPrefHeight(150);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(NamedPlace p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.label() + "  ·  "
                        + words.get(p.level() == RegionLevel.GRID ? "place.grid" : "place.community") + " " + p.code());
            }
        });
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.hits()));
        list.managedProperty().bind(list.visibleProperty());
        getChildren().addAll(new HBox(6, query, onMap), list);
        query.addEventFilter(KeyEvent.KEY_PRESSED, this::keyOnField);
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::keyOnList);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                chooseSelected();
            }
        });
    }

    /// The field to focus (a label's mnemonic points here).
    public TextField field() {
        return query;
    }

    private void keyOnField(KeyEvent e) {
        if (model.hits().isEmpty()) {
            return;
        }
        if (e.getCode() == KeyCode.DOWN) {
            list.requestFocus();
            list.getSelectionModel().selectFirst();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER) {
            model.choose(model.hits().getFirst());
            e.consume(); // the form's Enter saves only once a place is chosen
        } else if (e.getCode() == KeyCode.ESCAPE) {
            model.hits().clear();
            e.consume();
        }
    }

    private void keyOnList(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
            chooseSelected();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.UP && list.getSelectionModel().getSelectedIndex() <= 0) {
            query.requestFocus();
            query.end();
            e.consume();
        }
    }

    private void chooseSelected() {
        model.choose(list.getSelectionModel().getSelectedItem());
        query.requestFocus();
        query.end();
    }
}
