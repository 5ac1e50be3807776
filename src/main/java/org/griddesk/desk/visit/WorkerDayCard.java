package org.griddesk.desk.visit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.visit.FieldCheck;
import org.griddesk.domain.visit.VisitFinding;
import org.griddesk.store.visit.WorkerDayRecords.DayCheck;
import org.griddesk.store.visit.WorkerDayRecords.DayReport;
import org.griddesk.store.visit.WorkerDayRecords.DayVisit;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.Windows;
import org.griddesk.visit.WorkerDay;

/// A grid worker's day (`fxml/visit/worker-day.fxml`), opened from the grid card: what is open now,
/// the day's visits, verifications and checks, and reports, the patrol sketched over the grid, and the
/// photos of the visit or check picked. Esc closes.
public final class WorkerDayCard {
    static final String FXML = "/fxml/visit/worker-day.fxml";
    /// the texts' bundle
    public static final String BUNDLE = "i18n/workerday";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(WorkCalendar.ZONE);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(WorkCalendar.ZONE);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(WorkCalendar.ZONE);
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final WorkerDayModel model;
    private final Messages texts;
    private final Stage stage = new Stage();
    private final TrackSketch sketch;

    @FXML private Parent root;
    @FXML private Label title;
    @FXML private DatePicker day;
    @FXML private ProgressIndicator busy;
    @FXML private Label worker;
    @FXML private Label summary;
    @FXML private Label patrol;
    @FXML private Tab tasksTab;
    @FXML private Tab visitsTab;
    @FXML private Tab checksTab;
    @FXML private Tab reportsTab;
    @FXML private TableView<WorkerDayModel.TaskRow> tasks;
    @FXML private TableColumn<WorkerDayModel.TaskRow, String> taskKindColumn;
    @FXML private TableColumn<WorkerDayModel.TaskRow, String> taskSubjectColumn;
    @FXML private TableColumn<WorkerDayModel.TaskRow, String> taskDueColumn;
    @FXML private TableColumn<WorkerDayModel.TaskRow, String> taskStatusColumn;
    @FXML private TableView<DayVisit> visits;
    @FXML private TableColumn<DayVisit, String> visitTimeColumn;
    @FXML private TableColumn<DayVisit, String> visitHouseholdColumn;
    @FXML private TableColumn<DayVisit, String> visitCategoryColumn;
    @FXML private TableColumn<DayVisit, String> visitFindingsColumn;
    @FXML private TableColumn<DayVisit, String> visitNoteColumn;
    @FXML private TableColumn<DayVisit, String> visitPhotosColumn;
    @FXML private TableView<DayCheck> checks;
    @FXML private TableColumn<DayCheck, String> checkTimeColumn;
    @FXML private TableColumn<DayCheck, String> checkKindColumn;
    @FXML private TableColumn<DayCheck, String> checkTicketColumn;
    @FXML private TableColumn<DayCheck, String> checkOutcomeColumn;
    @FXML private TableColumn<DayCheck, String> checkNoteColumn;
    @FXML private TableColumn<DayCheck, String> checkPhotosColumn;
    @FXML private TableView<DayReport> reports;
    @FXML private TableColumn<DayReport, String> reportTimeColumn;
    @FXML private TableColumn<DayReport, String> reportCodeColumn;
    @FXML private TableColumn<DayReport, String> reportSummaryColumn;
    @FXML private TableColumn<DayReport, String> reportStateColumn;
    @FXML private Label tasksEmpty;
    @FXML private Label visitsEmpty;
    @FXML private Label checksEmpty;
    @FXML private Label reportsEmpty;
    @FXML private StackPane trackHolder;
    @FXML private FlowPane photoStrip;
    @FXML private Label photosHint;
    @FXML private Label message;

    /// `states`: the desk's main bundle, for the tickets' state names; `owner`: the desk's window.
    public WorkerDayCard(WorkerDayModel model, Messages texts, Messages states, Window owner) {
        this.model = model;
        this.texts = texts;
        Fxml.load(this, FXML, texts.bundle());
        String gridName = model.grid().name() + "（" + model.grid().code() + "）";
        title.setText(texts.get("workerday.title", gridName));
        sketch = new TrackSketch(model.grid());
        trackHolder.getChildren().add(sketch);
        day.valueProperty().bindBidirectional(model.dayProperty());
        busy.visibleProperty().bind(model.busyProperty());
        message.textProperty().bind(model.messageProperty());
        tasks.setItems(model.tasks());
        taskColumns();
        visitColumns();
        checkColumns();
        reportColumns(states);
        photoStrip();
        model.shownProperty().addListener((obs, old, shown) -> show(shown));
        Windows.card(stage, root, owner, title.getText());
        show(null);
    }

    /// Shows the card and reads the day.
    public WorkerDayCard show() {
        stage.show();
        model.load();
        return this;
    }

    public Stage stage() {
        return stage;
    }

    @FXML
    private void today() {
        model.dayProperty().set(WorkCalendar.localDate(Instant.now()));
    }

    @FXML
    private void refresh() {
        model.load();
    }

    private void show(WorkerDay shown) {
        sketch.show(shown);
        if (shown == null) {
            tabTitles(0, 0, 0, 0);
            return;
        }
        worker.setText(shown.workerName().isEmpty() ? texts.get("workerday.noWorker")
                : texts.get("workerday.worker", shown.workerName(), shown.maskedPhone()));
        long checked = shown.checks().stream().filter(c -> c.kind() == FieldCheck.Kind.CHECK).count();
        long failed = shown.checks().stream().filter(c -> c.kind() == FieldCheck.Kind.CHECK && !c.outcome()).count();
        summary.setText(texts.get("workerday.summary", shown.visits().size(), shown.checks().size() - checked, checked, failed,
                shown.reports().size()));
        WorkerDay.Patrol p = shown.patrol();
        patrol.setText(p.points() == 0 ? texts.get("workerday.noPatrol") : texts.get("workerday.patrol", p.points(),
                String.format("%.1f", p.metres() / 1000), CLOCK.format(p.first()), CLOCK.format(p.last()), Math.round(p.coverage() * 100)));
        visits.getItems().setAll(shown.visits());
        checks.getItems().setAll(shown.checks());
        reports.getItems().setAll(shown.reports());
        tasksEmpty.setText(texts.get("workerday.tasksNone"));
        visitsEmpty.setText(texts.get("workerday.visitsNone"));
        checksEmpty.setText(texts.get("workerday.checksNone"));
        reportsEmpty.setText(texts.get("workerday.reportsNone"));
        tabTitles(model.tasks().size(), shown.visits().size(), shown.checks().size(), shown.reports().size());
        photoHint(texts.get("workerday.photosNone"));
        visitHouseholdColumn.setCellValueFactory(c -> text(shown.household(c.getValue().householdId())));
    }

    private void tabTitles(int open, int visited, int checked, int reported) {
        tasksTab.setText(texts.get("workerday.tab.tasks", open));
        visitsTab.setText(texts.get("workerday.tab.visits", visited));
        checksTab.setText(texts.get("workerday.tab.checks", checked));
        reportsTab.setText(texts.get("workerday.tab.reports", reported));
    }

    private void taskColumns() {
        taskKindColumn.setCellValueFactory(c -> text(texts.get("workerday.task." + c.getValue().kind().name())));
        taskSubjectColumn.setCellValueFactory(c -> text(c.getValue().subject()));
        taskDueColumn.setCellValueFactory(c -> text(c.getValue().due()));
        taskStatusColumn.setCellValueFactory(c -> text(c.getValue().status()));
    }

    private void visitColumns() {
        visitTimeColumn.setCellValueFactory(c -> text(c.getValue().at() == null ? texts.get("workerday.noTime")
                : CLOCK.format(c.getValue().at())));
        visitCategoryColumn.setCellValueFactory(c -> text(texts.get("workerday.category." + c.getValue().category().name())));
        Function<VisitFinding, String> finding = texts.language() == Language.ZH_CN ? VisitFinding::zhName : VisitFinding::enName;
        visitFindingsColumn.setCellValueFactory(c -> text(c.getValue().findings().stream().map(finding).collect(Collectors.joining("、"))));
        visitNoteColumn.setCellValueFactory(c -> text(c.getValue().note() == null ? "" : c.getValue().note()));
        visitPhotosColumn.setCellValueFactory(c -> text(String.valueOf(c.getValue().photos())));
        visits.getSelectionModel().selectedItemProperty().addListener((obs, old, v) -> {
            if (v != null) {
                pickPhotos(true, v.id(), v.photos());
            }
        });
    }

    private void checkColumns() {
        checkTimeColumn.setCellValueFactory(c -> text(CLOCK.format(c.getValue().at())));
        checkKindColumn.setCellValueFactory(c -> text(texts.get("workerday.task." + c.getValue().kind().name())));
        checkTicketColumn.setCellValueFactory(c -> text(c.getValue().ticketCode()));
        checkOutcomeColumn.setCellValueFactory(c -> text(texts.get("workerday.outcome." + c.getValue().kind().name() + "."
                + c.getValue().outcome()) + (c.getValue().applied() ? " " + texts.get("workerday.applied") : "")));
        checkNoteColumn.setCellValueFactory(c -> text(c.getValue().note() == null ? "" : c.getValue().note()));
        checkPhotosColumn.setCellValueFactory(c -> text(String.valueOf(c.getValue().photos())));
        checks.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DayCheck item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FAILED, !empty && item != null && !item.outcome());
            }
        });
        checks.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> {
            if (c != null) {
                pickPhotos(false, c.id(), c.photos());
            }
        });
    }

    private void reportColumns(Messages states) {
        reportTimeColumn.setCellValueFactory(c -> text(CLOCK.format(c.getValue().reportedAt())));
        reportCodeColumn.setCellValueFactory(c -> text(c.getValue().code()));
        reportSummaryColumn.setCellValueFactory(c -> text(c.getValue().summary()));
        reportStateColumn.setCellValueFactory(c -> text(states.get("state." + c.getValue().state().name())));
    }

    private void pickPhotos(boolean ofVisit, long id, int count) {
        photoHint(texts.get(count == 0 ? "workerday.photosNone" : "workerday.photosLoading"));
        model.photosOf(ofVisit, id, count);
    }

    /// The picked record's photos as thumbnails; a photo the toolkit cannot read shows its file name.
    private void photoStrip() {
        model.photos().addListener((javafx.collections.ListChangeListener<WorkerDayModel.Thumbnail>) c -> {
            if (model.photos().isEmpty()) {
                return;
            }
            photoStrip.getChildren().clear();
            for (WorkerDayModel.Thumbnail photo : model.photos()) {
                if (photo.image() == null) {
                    photoStrip.getChildren().add(new Label(photo.fileName()));
                } else {
                    ImageView view = new ImageView(photo.image());
                    view.setId("workerDayPhoto");
                    photoStrip.getChildren().add(view);
                }
            }
        });
    }

    private void photoHint(String text) {
        photosHint.setText(text);
        photoStrip.getChildren().setAll(photosHint);
    }

    private static ReadOnlyStringWrapper text(String value) {
        return new ReadOnlyStringWrapper(value);
    }
}
