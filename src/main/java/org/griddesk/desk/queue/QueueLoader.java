package org.griddesk.desk.queue;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.NextDeadline;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.domain.ticket.Transfer;
import org.griddesk.geo.Region;
import org.griddesk.map.MapModel;
import org.griddesk.store.ticket.QueueRepository;
import org.griddesk.store.ticket.QueueRepository.QueueRow;

/// Reads the open tickets for the intake queue (off the FX thread) and names what the rows show:
/// items from the taxonomy, places from the map's regions.
public final class QueueLoader {
    private final QueueRepository queue;
    private final Map<String, Item> items;
    private final Map<String, QueueItem.Named> categories = new HashMap<>();
    private final MapModel map;
    private final TimingPolicies policies;
    private final BreachForecast forecast;

    public QueueLoader(QueueRepository queue, Taxonomy taxonomy, MapModel map) {
        this(queue, taxonomy, map, TimingPolicies.DEFAULT);
    }

    /// `policies`: the timing policies each ticket is timed by, per its report time
    public QueueLoader(QueueRepository queue, Taxonomy taxonomy, MapModel map, TimingPolicies policies) {
        this(queue, taxonomy, map, policies, BreachForecast.none());
    }

    /// `forecast`: the learnt chance of missing a deadline, and the at-risk colour it decides
    public QueueLoader(QueueRepository queue, Taxonomy taxonomy, MapModel map, TimingPolicies policies, BreachForecast forecast) {
        this.policies = policies;
        this.forecast = forecast;
        this.queue = queue;
        this.items = taxonomy.itemsByCode();
        taxonomy.categories().forEach(c -> categories.put(c.code(), new QueueItem.Named(c.code(), c.name())));
        this.map = map;
    }

    /// Every open ticket as a queue row, at `now`.
    public List<QueueItem> load(Instant now) {
        forecast.readLoads(now);
        return queue.openTickets().stream().map(row -> item(row, now)).toList();
    }

    /// The rows of those of `ids` still open, at `now` (the others have left the queue).
    public List<QueueItem> load(Collection<Long> ids, Instant now) {
        return queue.openTickets(ids).stream().map(row -> item(row, now)).toList();
    }

    /// The rows of these tickets whatever their state (closed ones too), in the order of `ids`, at
    /// `now`: a drill-down's history list.
    public List<QueueItem> loadAny(List<Long> ids, Instant now) {
        return queue.tickets(ids).stream().map(row -> item(row, now)).toList();
    }

    QueueItem item(QueueRow r, Instant now) {
        NextDeadline next = NextDeadline.of(r.state(), r.reportedAt(), r.acceptedAt(), r.dueAt(), now, policies.at(r.reportedAt()));
        boolean urgent = r.urgent() || DeadlineClass.URGENT.name().equals(r.deadlineClass());
        BreachForecast.Verdict verdict = forecast.of(r, next, now);
        QueueItem.Risk risk = next.overdue() ? QueueItem.Risk.OVERDUE : verdict.atRisk() ? QueueItem.Risk.AT_RISK
                : next.dueAt() == null ? QueueItem.Risk.WAITING : urgent ? QueueItem.Risk.URGENT : QueueItem.Risk.NORMAL;
        Item item = r.itemCode() == null ? null : items.get(r.itemCode());
        return new QueueItem(r.id(), r.code(), r.channel(), r.state(), r.shortText(), item == null ? "" : item.name(),
                r.gridCode(), place(map, r.gridCode(), false), r.ownerUnitId(), r.reportedAt(), next.dueAt(), risk, urgent, r.duplicates(),
                r.openWhistles(), r.repeats(), new QueueItem.Work(r.itemCode(), r.assignedTeamId(), r.extensionPending(), r.urges(),
                r.watchingUnits(), area(r.gridCode()), item == null ? null : categories.get(item.categoryCode()), r.summonedTeams(),
                handover(r.transfer()), r.placeReview()), verdict.chance());
    }

    /// A row's hand-over with the towns' names (a town centre's id is its area's code).
    private QueueItem.Handover handover(Transfer t) {
        if (t == null) {
            return null;
        }
        return new QueueItem.Handover(t.fromUnitId(), map.region(t.fromUnitId()).map(Region::name).orElse(""), t.toUnitId(),
                map.region(t.toUnitId()).map(Region::name).orElse(""), t.refusal());
    }

    /// The area a grid lies in (its community's parent), from the map.
    private QueueItem.Named area(String gridCode) {
        if (gridCode == null) {
            return null;
        }
        return map.region(gridCode).flatMap(g -> map.region(g.parentCode())).flatMap(c -> map.region(c.parentCode()))
                .map(a -> new QueueItem.Named(a.code(), a.name())).orElse(null);
    }

    /// `community · 第N网格` (with the area first when `withArea`), from the map's regions; empty
    /// for a ticket not placed.
    public static String place(MapModel map, String gridCode, boolean withArea) {
        if (gridCode == null) {
            return "";
        }
        return map.region(gridCode).map(grid -> {
            var community = map.region(grid.parentCode());
            String area = withArea ? community.flatMap(c -> map.region(c.parentCode())).map(Region::name).orElse("") + " · " : "";
            return area + community.map(Region::name).orElse("") + " · " + grid.name().replaceFirst("^.*(第\\d+网格)$", "$1");
        }).orElse(gridCode);
    }
}
