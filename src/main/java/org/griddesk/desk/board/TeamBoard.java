package org.griddesk.desk.board;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.griddesk.desk.timers.Countdown;
import org.griddesk.domain.org.Unit;
import org.griddesk.map.MapView;
import org.griddesk.ui.Messages;
import org.kordamp.ikonli.javafx.FontIcon;

/// The teams the user dispatches to, each a drop target with its load (open, overdue) and status,
/// and — for a town centre — the whistle zone and the district departments it may summon. While a
/// ticket is dragged every target lights up as valid or says why it is not.
public final class TeamBoard extends VBox {
    private static final PseudoClass DROP_OK = PseudoClass.getPseudoClass("drop-ok");
    private static final PseudoClass DROP_NO = PseudoClass.getPseudoClass("drop-no");
    private static final PseudoClass OVER = PseudoClass.getPseudoClass("drag-over");
    private static final PseudoClass LATE = PseudoClass.getPseudoClass("late");
    private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    /// open tickets from which a team counts as busy
    static final int BUSY_FROM = 15;

    /// A summoned department's check-ins on the centre's tickets: the soonest due of those still open
    /// (null: none open) and how many are late (open past their due, or checked in after it).
    public record CheckIns(Instant nextDue, int late) {
    }

    /// A team's open and overdue tickets.
    public record Load(int open, int overdue) {
        public static final Load NONE = new Load(0, 0);
    }

    private final FlowPane teams = new FlowPane(6, 6);
    private final VBox zone = new VBox();
    private final FlowPane departments = new FlowPane(6, 6);
    private final Label departmentsTitle = new Label();
    private final Map<String, Tile> tiles = new HashMap<>();
    private List<String> shownIds = List.of();
    private Messages messages;
    private Messages timerWords;
    private Map<String, CheckIns> checkIns = Map.of();
    private BiConsumer<Long, String> onTeamDrop = (id, team) -> { };
    private BiConsumer<Long, String> onWhistleDrop = (id, dept) -> { };

    public TeamBoard(Messages messages) {
        this.messages = messages;
        this.timerWords = Messages.of(messages.language(), "i18n/timers");
        getStyleClass().add("team-board");
        setId("teamBoard");
        teams.getStyleClass().add("team-tiles");
        departments.getStyleClass().add("team-tiles");
        departmentsTitle.getStyleClass().add("team-board-title");
        HBox.setHgrow(teams, Priority.ALWAYS);
        VBox content = new VBox(6, new HBox(6, zone, teams), departmentsTitle, departments);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("team-board-scroll");
        getChildren().add(scroll);
    }

    public void useMessages(Messages m) {
        this.messages = m;
        this.timerWords = Messages.of(m.language(), "i18n/timers");
        shownIds = List.of(); // built again in the new language
    }

    /// `toTeam` hears drops on a team; `toWhistle` drops on a department (its id) or on the whistle
    /// zone (null: choose in the form).
    public void onDrop(BiConsumer<Long, String> toTeam, BiConsumer<Long, String> toWhistle) {
        this.onTeamDrop = toTeam;
        this.onWhistleDrop = toWhistle;
    }

    /// Shows the user's teams and, when `whistleTargets` is not empty, the whistle zone with them.
    /// The same teams again only update their loads: a drag in progress keeps its targets.
    public void show(List<Unit> own, List<Unit> whistleTargets, Map<String, Load> loads) {
        List<String> ids = Stream.concat(own.stream(), whistleTargets.stream()).map(Unit::id).toList();
        if (ids.equals(shownIds)) {
            tiles.values().stream().filter(t -> t.unitId != null).forEach(t -> t.load(loads.getOrDefault(t.unitId, Load.NONE)));
            return;
        }
        shownIds = ids;
        tiles.clear();
        teams.getChildren().clear();
        departments.getChildren().clear();
        zone.getChildren().clear();
        for (Unit team : own) {
            teams.getChildren().add(tile(team.id(), team.name(), loads.getOrDefault(team.id(), Load.NONE), false));
        }
        boolean whistles = !whistleTargets.isEmpty();
        departmentsTitle.setVisible(whistles);
        departmentsTitle.setManaged(whistles);
        departmentsTitle.setText(messages.get("board.departments"));
        if (whistles) {
            // first and always in view: the drop that opens the whistle form
            Tile whistleZone = tile(null, messages.get("board.whistleZone"), null, true);
            whistleZone.setId("whistleZone");
            zone.getChildren().add(whistleZone);
            for (Unit d : whistleTargets) {
                departments.getChildren().add(tile(d.id(), d.name(), loads.getOrDefault(d.id(), Load.NONE), true));
            }
        }
    }

    /// The departments' check-ins as last read; drawn at `now` and again on every [#tick].
    public void showCheckIns(Map<String, CheckIns> byTeam, Instant now) {
        this.checkIns = Map.copyOf(byTeam);
        tick(now);
    }

    /// The clock ticked: the countdowns drawn again from the deadlines read (no read of the store).
    public void tick(Instant now) {
        tiles.values().stream().filter(t -> t.whistle && t.unitId != null).forEach(t -> t.checkIns(checkIns.get(t.unitId), now));
    }

    /// While a ticket is dragged: each target valid (null) or not (the reason shown on it).
    public void showVerdicts(Function<String, String> team, Function<String, String> whistle) {
        tiles.forEach((key, tile) -> tile.verdict(tile.whistle ? whistle.apply(tile.unitId) : team.apply(tile.unitId)));
    }

    public void clearVerdicts() {
        tiles.values().forEach(t -> t.verdict(null, false));
    }

    private Tile tile(String unitId, String name, Load load, boolean whistle) {
        Tile tile = new Tile(unitId, name, load, whistle);
        tiles.put((whistle ? "W:" : "T:") + unitId, tile);
        return tile;
    }

    /// One drop target.
    private final class Tile extends VBox {
        final String unitId;
        final boolean whistle;
        private final Label why = new Label();
        private final Label numbers = new Label();
        private final Label clock = new Label();
        private String refusal;
        private boolean lateLoad;

        Tile(String unitId, String name, Load load, boolean whistle) {
            this.unitId = unitId;
            this.whistle = whistle;
            getStyleClass().addAll("team-tile", whistle ? "whistle-tile" : "dispatch-tile");
            if (unitId != null) {
                setId("team-" + unitId);
            }
            Label title = new Label(shortName(name));
            title.getStyleClass().add("team-name");
            if (unitId == null) {
                title.setGraphic(new FontIcon("mdmz-notifications_active"));
            }
            numbers.setText(messages.get("board.whistleHint"));
            numbers.getStyleClass().add("team-load");
            why.getStyleClass().add("team-why");
            why.setWrapText(true);
            why.setVisible(false);
            why.setManaged(false);
            clock.getStyleClass().add("timer-countdown");
            clock.setVisible(false);
            clock.setManaged(false);
            if (unitId != null) {
                clock.setId("checkIn-" + unitId);
            }
            getChildren().addAll(title, numbers, clock, why);
            setAlignment(Pos.CENTER_LEFT);
            if (load != null) {
                load(load);
            }
            Tooltip.install(this, new Tooltip(name));
            addEventHandler(DragEvent.DRAG_OVER, e -> {
                if (e.getDragboard().hasContent(MapView.TICKET) && refusal == null) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            addEventHandler(DragEvent.DRAG_ENTERED, e -> pseudoClassStateChanged(OVER, true));
            addEventHandler(DragEvent.DRAG_EXITED, e -> pseudoClassStateChanged(OVER, false));
            addEventHandler(DragEvent.DRAG_DROPPED, e -> {
                Object id = e.getDragboard().getContent(MapView.TICKET);
                boolean ok = id instanceof Number && refusal == null;
                if (ok) {
                    long ticket = ((Number) id).longValue();
                    if (whistle) {
                        onWhistleDrop.accept(ticket, unitId);
                    } else {
                        onTeamDrop.accept(ticket, unitId);
                    }
                }
                e.setDropCompleted(ok);
                e.consume();
            });
        }

        void load(Load load) {
            numbers.setText(messages.get("board.load", load.open(), load.overdue()));
            lateLoad = load.overdue() > 0;
            pseudoClassStateChanged(LATE, lateLoad);
            pseudoClassStateChanged(BUSY, load.open() >= BUSY_FROM);
        }

        void checkIns(CheckIns c, Instant now) {
            boolean shown = c != null && (c.nextDue() != null || c.late() > 0);
            clock.setVisible(shown);
            clock.setManaged(shown);
            if (!shown) {
                return;
            }
            String text = "";
            boolean lateNow = c.nextDue() != null && now.isAfter(c.nextDue());
            if (c.nextDue() != null) {
                String left = Countdown.of(Duration.between(now, c.nextDue()), timerWords.language());
                text = timerWords.get(lateNow ? "timers.board.late" : "timers.board.checkIn", left);
            }
            int late = c.late() + (lateNow ? 1 : 0); // the soonest was not late when read
            if (late > 0) {
                text = (text.isEmpty() ? "" : text + " · ") + timerWords.get("timers.board.lateCount", late);
            }
            clock.setText(text);
            pseudoClassStateChanged(LATE, late > 0 || this.lateLoad);
        }

        void verdict(String reason) {
            verdict(reason, true);
        }

        void verdict(String reason, boolean dragging) {
            refusal = reason;
            pseudoClassStateChanged(DROP_OK, dragging && reason == null);
            pseudoClassStateChanged(DROP_NO, dragging && reason != null);
            why.setText(reason == null ? "" : reason);
            why.setVisible(reason != null);
            why.setManaged(reason != null);
        }
    }

    /// 咸水沽镇城管中队 → 城管中队; 津南区水务局 → 水务局: the board's tiles are narrow.
    public static String shortName(String name) {
        String s = name.replaceFirst("^津南区", "").replaceFirst("^津南", "");
        int town = Math.max(s.indexOf('镇'), Math.max(s.indexOf("街道"), -1));
        if (town > 0 && town < 5 && s.length() > town + 3) {
            s = s.substring(s.charAt(town) == '街' ? town + 2 : town + 1);
        }
        return s;
    }
}
