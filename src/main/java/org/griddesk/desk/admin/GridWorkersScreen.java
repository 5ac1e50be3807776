package org.griddesk.desk.admin;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.security.GridWorkerAdministration.Post;

/// The system administrator's grid-worker tab (`fxml/admin/grid-workers.fxml`), bound to a
/// [GridWorkersViewModel]: the posts in a table (phones masked), a search above it, and the form
/// that gives the selected post to a person.
public final class GridWorkersScreen {
    public static final String FXML = "/fxml/admin/grid-workers.fxml";

    private final GridWorkersViewModel model;
    private final SecurityTexts texts;
    private final Parent root;

    @FXML private TextField postSearch;
    @FXML private ProgressIndicator postsBusy;
    @FXML private TableView<Post> postsTable;
    @FXML private TableColumn<Post, String> postCodeColumn;
    @FXML private TableColumn<Post, String> postNameColumn;
    @FXML private TableColumn<Post, String> postCommunityColumn;
    @FXML private TableColumn<Post, String> postKindColumn;
    @FXML private TableColumn<Post, String> postWorkerColumn;
    @FXML private TableColumn<Post, String> postPhoneColumn;
    @FXML private Label selectedPost;
    @FXML private TextField workerId;
    @FXML private TextField workerName;
    @FXML private TextField workerPhone;
    @FXML private Button assignWorker;
    @FXML private Label postsMessage;

    public GridWorkersScreen(GridWorkersViewModel model, SecurityTexts texts) {
        this.model = model;
        this.texts = texts;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        postSearch.textProperty().bindBidirectional(model.searchProperty());
        postsBusy.visibleProperty().bind(model.busyProperty());
        postsTable.setItems(model.posts());
        postsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        AdminScreen.column(postCodeColumn, Post::regionCode);
        AdminScreen.column(postNameColumn, Post::regionName);
        AdminScreen.column(postCommunityColumn, Post::communityName);
        AdminScreen.column(postKindColumn, p -> texts.get(p.leaderPost() ? "admin.district.workers.post.leader"
                : "admin.district.workers.post.worker"));
        AdminScreen.column(postWorkerColumn, p -> p.holder() == null ? texts.get("admin.district.workers.vacant") : p.holder().name());
        AdminScreen.column(postPhoneColumn, p -> p.holder() == null ? "" : p.holder().maskedPhone());
        postsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && postsTable.getSelectionModel().getSelectedItem() != now) {
                postsTable.getSelectionModel().select(now);
            }
            selectedPost.setText(now == null ? "" : now.regionCode() + " " + now.regionName() + " · " + texts.get(now.leaderPost()
                    ? "admin.district.workers.post.leader" : "admin.district.workers.post.worker"));
        });
        workerId.textProperty().bindBidirectional(model.workerIdProperty());
        workerName.textProperty().bindBidirectional(model.nameProperty());
        workerPhone.textProperty().bindBidirectional(model.phoneProperty());
        assignWorker.disableProperty().bind(model.selectedProperty().isNull());
        AdminScreen.message(postsMessage, model.messageProperty(), model.refusedProperty());
    }

    public Parent node() {
        return root;
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void assign() {
        model.assign();
    }
}
