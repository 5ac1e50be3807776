package org.griddesk.desk.admin;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.district.Camera;

/// The system administrator's camera tab (`fxml/admin/cameras.fxml`), bound to a [CamerasViewModel]:
/// the cameras in a table filtered by grid, and the form that adds or changes one.
public final class CamerasScreen {
    public static final String FXML = "/fxml/admin/cameras.fxml";

    private final CamerasViewModel model;
    private final SecurityTexts texts;
    private final Parent root;

    @FXML private TextField cameraFilter;
    @FXML private Label cameraCount;
    @FXML private ProgressIndicator camerasBusy;
    @FXML private TableView<Camera> camerasTable;
    @FXML private TableColumn<Camera, String> cameraCodeColumn;
    @FXML private TableColumn<Camera, String> cameraKindColumn;
    @FXML private TableColumn<Camera, String> cameraLonColumn;
    @FXML private TableColumn<Camera, String> cameraLatColumn;
    @FXML private TableColumn<Camera, String> cameraGridColumn;
    @FXML private TextField cameraCode;
    @FXML private ComboBox<Camera.Kind> cameraKind;
    @FXML private TextField cameraLon;
    @FXML private TextField cameraLat;
    @FXML private TextField cameraGrid;
    @FXML private Label camerasMessage;

    public CamerasScreen(CamerasViewModel model, SecurityTexts texts) {
        this.model = model;
        this.texts = texts;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        cameraFilter.textProperty().bindBidirectional(model.filterProperty());
        cameraCount.textProperty().bind(model.countText());
        camerasBusy.visibleProperty().bind(model.busyProperty());
        camerasTable.setItems(model.cameras());
        camerasTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        AdminScreen.column(cameraCodeColumn, Camera::code);
        AdminScreen.column(cameraKindColumn, c -> kindWords(c.kind()));
        AdminScreen.column(cameraLonColumn, c -> CamerasViewModel.degrees(c.lon()));
        AdminScreen.column(cameraLatColumn, c -> CamerasViewModel.degrees(c.lat()));
        AdminScreen.column(cameraGridColumn, Camera::gridCode);
        camerasTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && camerasTable.getSelectionModel().getSelectedItem() != now) {
                camerasTable.getSelectionModel().select(now);
            }
        });
        cameraCode.textProperty().bindBidirectional(model.codeProperty());
        cameraKind.getItems().setAll(Camera.Kind.values());
        cameraKind.valueProperty().bindBidirectional(model.kindProperty());
        AdminScreen.choices(cameraKind, this::kindWords);
        cameraLon.textProperty().bindBidirectional(model.lonProperty());
        cameraLat.textProperty().bindBidirectional(model.latProperty());
        cameraGrid.textProperty().bindBidirectional(model.gridProperty());
        AdminScreen.message(camerasMessage, model.messageProperty(), model.refusedProperty());
    }

    private String kindWords(Camera.Kind kind) {
        return texts.get("admin.district.cameras.kind." + kind.name());
    }

    public Parent node() {
        return root;
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void save() {
        model.save();
    }
}
