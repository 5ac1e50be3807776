package org.griddesk.desk.admin;

import java.time.format.TextStyle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.calendar.HolidayDay;

/// The system administrator's holiday tab (`fxml/admin/holiday-calendar.fxml`), bound to a
/// [HolidayCalendarViewModel]: the year chosen above, its days off and swapped working days in a
/// table, and the form that marks a day or makes it ordinary again.
public final class HolidayCalendarScreen {
    public static final String FXML = "/fxml/admin/holiday-calendar.fxml";

    private final HolidayCalendarViewModel model;
    private final SecurityTexts texts;
    private final Parent root;

    @FXML private Spinner<Integer> calendarYear;
    @FXML private Label calendarCount;
    @FXML private ProgressIndicator calendarBusy;
    @FXML private TableView<HolidayDay> daysTable;
    @FXML private TableColumn<HolidayDay, String> dayDateColumn;
    @FXML private TableColumn<HolidayDay, String> dayWeekdayColumn;
    @FXML private TableColumn<HolidayDay, String> dayKindColumn;
    @FXML private TableColumn<HolidayDay, String> dayNameColumn;
    @FXML private DatePicker dayDate;
    @FXML private ComboBox<Boolean> dayKind;
    @FXML private TextField dayName;
    @FXML private Label calendarMessage;

    public HolidayCalendarScreen(HolidayCalendarViewModel model, SecurityTexts texts) {
        this.model = model;
        this.texts = texts;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        SpinnerValueFactory.IntegerSpinnerValueFactory years = new SpinnerValueFactory.IntegerSpinnerValueFactory(2000, 2099,
                model.yearProperty().get());
        calendarYear.setValueFactory(years);
        years.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.yearProperty().set(now);
            }
        });
        model.yearProperty().addListener((obs, old, now) -> years.setValue(now.intValue()));
        calendarCount.textProperty().bind(model.countText());
        calendarBusy.visibleProperty().bind(model.busyProperty());
        daysTable.setItems(model.days());
        daysTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        AdminScreen.column(dayDateColumn, d -> d.date().toString());
        AdminScreen.column(dayWeekdayColumn, d -> d.date().getDayOfWeek().getDisplayName(TextStyle.FULL, texts.language().locale()));
        AdminScreen.column(dayKindColumn, d -> kindWords(d.offDay()));
        AdminScreen.column(dayNameColumn, HolidayDay::name);
        daysTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                daysTable.getSelectionModel().clearSelection();
            }
        });
        dayDate.valueProperty().bindBidirectional(model.dateProperty());
        dayKind.getItems().setAll(true, false);
        dayKind.setValue(model.offDayProperty().get());
        dayKind.valueProperty().addListener((obs, old, now) -> model.offDayProperty().set(now == null || now));
        model.offDayProperty().addListener((obs, old, now) -> dayKind.setValue(now));
        AdminScreen.choices(dayKind, this::kindWords);
        dayName.textProperty().bindBidirectional(model.nameProperty());
        AdminScreen.message(calendarMessage, model.messageProperty(), model.refusedProperty());
    }

    private String kindWords(boolean offDay) {
        return texts.get(offDay ? "admin.district.calendar.kind.off" : "admin.district.calendar.kind.work");
    }

    public Parent node() {
        return root;
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void mark() {
        model.mark();
    }

    @FXML
    private void unmark() {
        model.unmark();
    }
}
