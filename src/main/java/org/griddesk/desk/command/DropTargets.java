package org.griddesk.desk.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.griddesk.desk.board.TeamBoard;
import org.griddesk.desk.detail.EventLabels;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailViewModel;
import org.griddesk.desk.queue.QueueView;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.geo.Region;
import org.griddesk.map.MapModel;
import org.griddesk.map.MapView;
import org.griddesk.ui.Messages;

/// The desk's drop targets: the team board's teams, departments and whistle zone, and the map's
/// grids (a ticket nobody could place is placed on the grid it is dropped on, 定位). Each answers the [DeskCommand] a drop there runs ([Dispatching#onTeam], [Dispatching#onGrid],
/// [Dispatching#onWhistle]); while a ticket is dragged each lights up with that command's verdict or
/// says why not. A drop on the board runs the very command judged when the drag began; the map
/// judges each grid as the drag passes over it and makes the same command again on the drop.
public final class DropTargets {
    private final Dispatching dispatching;
    private final TicketDetailViewModel detail;
    private final QueueView queue;
    private final TeamBoard teamBoard;
    private final MapView map;
    /// the commands a drop on each tile would run, judged when the drag began
    private final Map<String, DeskCommand> dropCommands = new HashMap<>();

    public DropTargets(Dispatching dispatching, TicketDetailViewModel detail, QueueView queue, TeamBoard teamBoard, MapView map) {
        this.dispatching = dispatching;
        this.detail = detail;
        this.queue = queue;
        this.teamBoard = teamBoard;
        this.map = map;
    }

    /// Wires the drags from the queue to the team board and the map.
    public void bind() {
        queue.onDrag(item -> teamBoard.showVerdicts(team -> judge(item.id(), team, false), dept -> judge(item.id(), dept, true)),
                () -> {
                    teamBoard.clearVerdicts();
                    dropCommands.clear();
                });
        teamBoard.onDrop((ticket, team) -> dropOn(ticket, team, false), (ticket, dept) -> dropOn(ticket, dept, true));
        map.dropHintProperty().set(this::gridDropHint);
        map.onTicketDroppedProperty().set((ticketId, grid) -> shown(ticketId).ifPresent(d ->
                dispatching.placing(d, grid.code()).or(() -> dispatching.onGrid(d, areaOf(grid)))
                        .ifPresentOrElse(command -> dispatching.drop(d, command),
                        () -> dispatching.say(dispatching.messages().get("drop.gridNotOurs", grid.name()), true))));
    }

    /// The verdict of a drop of the shown ticket on a team (or a department, or the whistle zone
    /// when `target` is null): null when it runs or opens its form, else why not; null too while
    /// the dragged ticket's detail is still being read.
    private String judge(long ticketId, String target, boolean whistle) {
        Optional<TicketDetail> d = shown(ticketId);
        if (d.isEmpty() || !dispatching.ready()) {
            return null;
        }
        DeskCommand command = whistle ? dispatching.onWhistle(d.get(), target) : dispatching.onTeam(d.get(), target);
        dropCommands.put(dropKey(target, whistle), command);
        return dispatching.refusal(command);
    }

    private void dropOn(long ticketId, String target, boolean whistle) {
        dispatching.withDetail(ticketId, d -> {
            DeskCommand judged = dropCommands.remove(dropKey(target, whistle));
            DeskCommand command = judged != null && judged.ticket().id() == ticketId ? judged
                    : whistle ? dispatching.onWhistle(d, target) : dispatching.onTeam(d, target);
            dispatching.drop(d, command);
        });
    }

    private static String dropKey(String target, boolean whistle) {
        return (whistle ? "whistle:" : "team:") + Objects.requireNonNullElse(target, "");
    }

    private MapView.DropHint gridDropHint(long ticketId, Region grid) {
        Optional<TicketDetail> d = shown(ticketId);
        if (d.isEmpty() || !dispatching.ready()) {
            return null;
        }
        Optional<DeskCommand> placing = dispatching.placing(d.get(), grid.code());
        if (placing.isPresent()) {
            String why = dispatching.refusal(placing.get());
            return why == null ? new MapView.DropHint(true, Messages.of(dispatching.messages().language(), EventLabels.TRANSFER_BUNDLE)
                    .get("drop.toPlace", grid.name())) : new MapView.DropHint(false, why);
        }
        Optional<DeskCommand> command = dispatching.onGrid(d.get(), areaOf(grid));
        if (command.isEmpty()) {
            return new MapView.DropHint(false, dispatching.messages().get("drop.gridNotOurs", grid.name()));
        }
        String why = dispatching.refusal(command.get());
        String team = command.get().dispatchesTo().orElse("");
        return why == null ? new MapView.DropHint(true, dispatching.messages().get("drop.toTeam", dispatching.teamName(team)))
                : new MapView.DropHint(false, why);
    }

    /// The detail of the ticket with this id if it is the one shown.
    private Optional<TicketDetail> shown(long ticketId) {
        TicketDetail d = detail.currentProperty().get();
        return d != null && d.ticket().id() == ticketId ? Optional.of(d) : Optional.empty();
    }

    /// The area (town) a grid lies in: the grid's community's parent.
    private String areaOf(Region grid) {
        MapModel m = map.modelProperty().get();
        return m == null ? "" : m.region(grid.parentCode()).map(Region::parentCode).orElse("");
    }
}
