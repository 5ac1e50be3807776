package org.griddesk.desk.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.griddesk.desk.detail.EventLabels;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.ActionInput;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.GridDirectory;
import org.griddesk.dispatch.Pinyin;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// The form of one lifecycle action on one ticket: only the fields the action needs, prefilled
/// from the catalogue, and checked by the lifecycle rules on every change, so that the reason it
/// may not run yet shows as the user types and the confirm button waits until it may.
public final class ActionForm {
    private final Messages messages;
    private final TicketActions actions;
    private final Actor actor;
    private final TicketDetail detail;
    private final Action action;
    private final ObjectProperty<ActionInput> input;
    private final Dialog<DeskCommand> dialog = new Dialog<>();
    private final ButtonType confirm;
    private final ActionNames names;
    private final Messages transfer;

    static final String FXML = "/fxml/desk/action-form.fxml";

    @FXML private DialogPane pane;
    @FXML private VBox inputs;
    @FXML private Label textLabel;
    @FXML private TextArea text;
    @FXML private Label verdict;
    private EvidenceInput evidence;

    ActionForm(Messages messages, TicketActions actions, Actor actor, TicketDetail detail, Action action, ActionInput start,
               Window owner, TaskExecutor files) {
        this.messages = messages;
        this.actions = actions;
        this.actor = actor;
        this.detail = detail;
        this.action = action;
        this.input = new SimpleObjectProperty<>(start);
        this.names = new ActionNames(messages);
        this.transfer = Messages.of(messages.language(), EventLabels.TRANSFER_BUNDLE);
        load();
        Ticket t = detail.ticket();
        dialog.setDialogPane(pane);
        dialog.initOwner(owner);
        dialog.setTitle(actionName(action) + " · " + t.code());
        pane.setHeaderText(actionName(action) + "  " + t.code() + (detail.itemName().isEmpty() ? "" : " · " + detail.itemName()));
        confirm = new ButtonType(actionName(action), ButtonBar.ButtonData.OK_DONE);
        pane.getButtonTypes().addAll(confirm, ButtonType.CANCEL);

        switch (action.input()) {
            case ITEM -> inputs.getChildren().addAll(label("form.item"), itemPicker());
            case TEAM -> {
                if (ActionInput.needsAccepting(t)) {
                    inputs.getChildren().addAll(label("form.item"), itemPicker());
                }
                inputs.getChildren().addAll(label("form.team"), teamPicker());
            }
            case DEPARTMENTS -> inputs.getChildren().addAll(label("form.departments"), departmentPicker());
            case MASTER -> inputs.getChildren().addAll(label("form.master"), masterPicker());
            case DAYS -> inputs.getChildren().addAll(label("form.days"), daysPicker());
            case CITIZEN_INFORMED -> inputs.getChildren().add(citizenInformed());
            case CALLBACK -> inputs.getChildren().addAll(label("form.callback"), callbackPicker());
            case GRID -> inputs.getChildren().addAll(transferLabel("form.grid"), gridPicker());
            case CENTRE -> inputs.getChildren().addAll(transferLabel("form.centre"), centrePicker());
            case REFERENCE -> inputs.getChildren().addAll(transferLabel("form.reference"), referenceField());
            default -> { }
        }
        if (action == Action.REPORT_HANDLED && files != null) {
            EvidencePicker picker = new EvidencePicker(files, messages.language().locale());
            picker.files().addListener((ListChangeListener<Attachment>) c -> input.set(input.get().withAttachments(picker.files())));
            evidence = new EvidenceInput(picker, pane, messages.language());
        }
        textLabel.setVisible(action.hasText());
        text.setVisible(action.hasText());
        if (evidence != null) {
            VBox box = (VBox) verdict.getParent();
            box.getChildren().add(box.getChildren().indexOf(verdict), evidence.node());
        }
        if (action.hasText()) {
            textLabel.setText(messages.get(textKey()));
            text.setText(input.get().text());
            text.textProperty().addListener((obs, old, now) -> input.set(input.get().withText(now)));
            if (action.input() != Action.Input.CENTRE) {
                Platform.runLater(text::requestFocus);
            }
        }
        dialog.setResultConverter(button -> button == confirm ? actions.command(detail.ticket(), action, input.get()) : null);
        input.addListener((obs, old, now) -> recheck());
        recheck();
    }

    private void load() {
        FXMLLoader loader = new FXMLLoader(ActionForm.class.getResource(FXML), messages.bundle());
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
    }

    /// Shows the form; `onConfirmed` hears the command it makes if the user confirms it.
    void show(Consumer<DeskCommand> onConfirmed) {
        dialog.setOnHidden(e -> {
            DeskCommand result = dialog.getResult();
            if (result != null) {
                onConfirmed.accept(result);
            }
        });
        dialog.show();
    }

    private void recheck() {
        TicketActions.Check check = actions.check(detail.ticket(), action, input.get(), actor);
        Locale locale = messages.language().locale();
        verdict.setText(check.allowed() ? messages.get("form.ready") : check.message(locale));
        verdict.getStyleClass().removeAll("form-ok", "form-missing");
        verdict.getStyleClass().add(check.allowed() ? "form-ok" : "form-missing");
        Node button = pane.lookupButton(confirm);
        button.setDisable(!check.allowed());
    }

    private String textKey() {
        return switch (action) {
            case ANSWER -> "form.answer";
            case REPORT_HANDLED -> "form.result";
            case VERIFY_PASS, APPROVE_EXTENSION, CLOSE, CONTACT, CALL_BACK, ACCEPT_TRANSFER -> "form.note";
            default -> "form.reason";
        };
    }

    private Node itemPicker() {
        TextField search = new TextField();
        search.setId("formItemSearch");
        search.setPromptText(messages.get("form.itemSearch"));
        FilteredList<Item> shown = new FilteredList<>(FXCollections.observableArrayList(actions.items()));
        ListView<Item> list = new ListView<>(shown);
        list.setId("formItems");
        list.setPrefHeight(150);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Item item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + "  " + item.code() + "  · "
                        + messages.get("form.deadline." + item.deadline().deadlineClass().name(), item.deadline().workingDays()));
            }
        });
        search.textProperty().addListener((obs, old, now) -> shown.setPredicate(i -> Pinyin.matches(i.name(), now) || i.code().startsWith(now.strip())));
        String current = input.get().itemCode();
        actions.items().stream().filter(i -> i.code().equals(current)).findFirst().ifPresent(i -> {
            list.getSelectionModel().select(i);
            list.scrollTo(i);
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                ActionInput now = input.get().withItem(item.code(), TicketActions.policy(item, detail.intake().urgent()), item.consultation());
                String suggested = actions.responsibility().suggestedTeam(detail.ticket().ownerUnitId(), item.code())
                        .map(u -> u.id()).orElse(now.teamId());
                input.set(now.withTeam(suggested));
            }
        });
        return new VBox(4, search, list);
    }

    private Node teamPicker() {
        ComboBox<Responsibility.Suggestion> teams = new ComboBox<>();
        teams.setId("formTeam");
        teams.setMaxWidth(Double.MAX_VALUE);
        Runnable fill = () -> {
            List<Responsibility.Suggestion> options = actions.responsibility().teamsFor(detail.ticket().ownerUnitId(), input.get().itemCode());
            teams.getItems().setAll(options);
            options.stream().filter(s -> s.team().id().equals(input.get().teamId())).findFirst().ifPresent(teams.getSelectionModel()::select);
        };
        teams.setCellFactory(v -> suggestionCell());
        teams.setButtonCell(suggestionCell());
        fill.run();
        input.addListener((obs, old, now) -> {
            if (old == null || !Objects.equals(old.itemCode(), now.itemCode())) {
                fill.run();
            }
        });
        teams.getSelectionModel().selectedItemProperty().addListener((obs, old, s) -> {
            if (s != null && !s.team().id().equals(input.get().teamId())) {
                input.set(input.get().withTeam(s.team().id()));
            }
        });
        return teams;
    }

    private ListCell<Responsibility.Suggestion> suggestionCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Responsibility.Suggestion s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.team().name() + "  · " + messages.get("why." + s.why().name(), s.itemName()));
            }
        };
    }

    private Node departmentPicker() {
        ListView<Responsibility.Suggestion> list = new ListView<>(FXCollections.observableArrayList(
                actions.responsibility().departmentsFor(input.get().itemCode())));
        list.setId("formDepartments");
        list.setPrefHeight(180);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> suggestionCell());
        for (int i = 0; i < list.getItems().size(); i++) {
            if (input.get().departmentIds().contains(list.getItems().get(i).team().id())) {
                list.getSelectionModel().select(i);
            }
        }
        list.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Responsibility.Suggestion>) c ->
                input.set(input.get().withDepartments(list.getSelectionModel().getSelectedItems().stream().map(s -> s.team().id()).toList())));
        return list;
    }

    private Node masterPicker() {
        ComboBox<String> master = new ComboBox<>(FXCollections.observableArrayList(
                detail.duplicates().stream().map(DuplicateSuggestion::candidateCode).toList()));
        master.setId("formMaster");
        master.setEditable(true);
        master.setPromptText("2611-0001");
        master.valueProperty().addListener((obs, old, code) -> input.set(input.get().withMaster(code == null ? null : code.strip())));
        master.getEditor().textProperty().addListener((obs, old, code) -> input.set(input.get().withMaster(code.strip())));
        if (!master.getItems().isEmpty()) {
            master.setValue(master.getItems().getFirst());
        }
        return master;
    }

    private Node daysPicker() {
        Spinner<Integer> days = new Spinner<>(1, 30, Math.max(1, input.get().days()));
        days.setId("formDays");
        days.setEditable(true);
        days.valueProperty().addListener((obs, old, n) -> input.set(input.get().withDays(n)));
        return days;
    }

    private Node citizenInformed() {
        CheckBox told = new CheckBox(messages.get("form.citizenInformed"));
        told.setId("formCitizenInformed");
        told.selectedProperty().addListener((obs, old, now) -> input.set(input.get().withCitizenInformed(now)));
        return told;
    }

    private Node callbackPicker() {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(8);
        for (CallbackResult result : CallbackResult.values()) {
            ToggleButton b = new ToggleButton(messages.get("callback." + result.name()));
            b.setId("formCallback" + result.name());
            b.setToggleGroup(group);
            b.setUserData(result);
            row.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) ->
                input.set(input.get().withCallback(now == null ? null : (CallbackResult) now.getUserData())));
        return row;
    }

    /// The grid search of the place form (定位): every word typed narrows the list ([GridDirectory]);
    /// ↓ goes to the list, the selected grid is the one placed on.
    private Node gridPicker() {
        TextField search = new TextField(input.get().gridCode());
        search.setId("formGridSearch");
        search.setPromptText(transfer.get("form.gridSearch"));
        ListView<GridDirectory.Grid> list = new ListView<>();
        list.setId("formGrids");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label(transfer.get("form.gridNone")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(GridDirectory.Grid g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : transfer.get("form.gridOf", g.label(), actions.centreName(g.centreId())));
            }
        });
        Consumer<String> refill = typed -> {
            list.getItems().setAll(actions.grids().find(typed, 50));
            if (!list.getItems().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        };
        search.textProperty().addListener((obs, old, now) -> refill.accept(now));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN) {
                list.requestFocus();
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, g) ->
                input.set(input.get().withGrid(g == null ? "" : g.code())));
        refill.accept(search.getText());
        Platform.runLater(search::requestFocus);
        return new VBox(4, search, list);
    }

    /// The town and street centres a ticket may be handed to (移交), its own left out.
    private Node centrePicker() {
        ComboBox<Unit> centres = new ComboBox<>(FXCollections.observableArrayList(actions.towns().stream()
                .filter(u -> !u.id().equals(detail.ticket().ownerUnitId())).toList()));
        centres.setId("formCentre");
        centres.setMaxWidth(Double.MAX_VALUE);
        centres.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Unit u) {
                return u == null ? "" : u.name();
            }

            @Override
            public Unit fromString(String text) {
                return null;
            }
        });
        centres.getItems().stream().filter(u -> u.id().equals(input.get().centreId())).findFirst().ifPresent(centres::setValue);
        centres.valueProperty().addListener((obs, old, u) -> input.set(input.get().withCentre(u == null ? "" : u.id())));
        Platform.runLater(centres::requestFocus);
        return centres;
    }

    private Node referenceField() {
        TextField reference = new TextField(input.get().reference());
        reference.setId("formReference");
        reference.setPromptText("SJ-2026-000118");
        reference.textProperty().addListener((obs, old, now) -> input.set(input.get().withReference(now.strip())));
        return reference;
    }

    private Label transferLabel(String key) {
        Label l = new Label(transfer.get(key));
        l.getStyleClass().add("form-label");
        return l;
    }

    private Label label(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("form-label");
        return l;
    }

    private String actionName(Action a) {
        return names.of(a);
    }
}
