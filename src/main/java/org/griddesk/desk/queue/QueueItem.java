package org.griddesk.desk.queue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;

/// One row of the intake queue, ready to show: the ticket's code and channel, what it is about and
/// where, the deadline it races and how, and its badges.
///
/// @param itemName     the accepted item's name, or the channel's hint, or empty
/// @param place        the community and grid, or empty when it waits to be placed
/// @param due          when the step it races is due, or null
/// @param ownerUnitId  the centre that owns it
/// @param work         who works it and what waits on it: the item, the team, an extension, urges
/// @param breachChance the learnt chance (0–1) that it misses the deadline it races, or NaN when
///                     none is known (no model, not dispatched, already overdue)
public record QueueItem(long id, String code, Channel channel, TicketState state, String shortText, String itemName,
                        String gridCode, String place, String ownerUnitId, Instant reportedAt, Instant due, Risk risk,
                        boolean urgent, int duplicates, int openWhistles, int repeats, Work work, double breachChance) {

    /// A row with no learnt chance.
    public QueueItem(long id, String code, Channel channel, TicketState state, String shortText, String itemName, String gridCode,
                     String place, String ownerUnitId, Instant reportedAt, Instant due, Risk risk, boolean urgent, int duplicates,
                     int openWhistles, int repeats, Work work) {
        this(id, code, channel, state, shortText, itemName, gridCode, place, ownerUnitId, reportedAt, due, risk, urgent, duplicates,
                openWhistles, repeats, work, Double.NaN);
    }

    /// Whether a learnt chance is known.
    public boolean hasBreachChance() {
        return !Double.isNaN(breachChance);
    }

    /// @param itemCode         the accepted item, or the channel's hint, or null
    /// @param assignedTeamId   the team it is dispatched to, or null
    /// @param extensionPending an extension waits for a supervisor
    /// @param urges            how often a supervisor urged it
    /// @param watchingUnits    centres that handed it up and keep sight of it (comma-separated)
    /// @param area             the town (area) it lies in, code and name, or null when not placed
    /// @param category         the item's category, code and name, or null when no item is known
    /// @param summonedTeams    district departments summoned by a whistle that have not checked in
    /// @param handover         a hand-over to another centre (移交) pending or refused, or null
    /// @param placeReview      a new map left its place for a person to review (复核定位)
    public record Work(String itemCode, String assignedTeamId, boolean extensionPending, int urges, String watchingUnits,
                       Named area, Named category, List<String> summonedTeams, Handover handover, boolean placeReview) {
        public static final Work NONE = new Work(null, null, false, 0, "", null, null, List.of());

        public Work {
            summonedTeams = summonedTeams == null ? List.of() : List.copyOf(summonedTeams);
        }

        /// Work with no hand-over.
        public Work(String itemCode, String assignedTeamId, boolean extensionPending, int urges, String watchingUnits,
                    Named area, Named category, List<String> summonedTeams) {
            this(itemCode, assignedTeamId, extensionPending, urges, watchingUnits, area, category, summonedTeams, null, false);
        }

        /// Whether the ticket waits for `unitId` to accept or refuse it (移交).
        public boolean handedTo(String unitId) {
            return handover != null && handover.pending() && handover.toUnitId().equals(unitId);
        }

        public boolean watchedBy(String unitId) {
            return watchingUnits != null && Arrays.asList(watchingUnits.split(",")).contains(unitId);
        }
    }

    /// A hand-over (移交) as a row shows it: from which centre to which (their towns' names, empty for
    /// a centre of no town), and the refusal's reason once refused.
    public record Handover(String fromUnitId, String fromName, String toUnitId, String toName, String refusal) {
        public boolean pending() {
            return refusal == null;
        }
    }

    /// How a ticket stands against its deadline, worst first: the queue's default order.
    public enum Risk {
        OVERDUE,
        AT_RISK,
        URGENT,
        NORMAL,
        /// waiting on the centre's check or the citizen's callback: no deadline of its own here
        WAITING
    }

    /// A code with its name (an area, a category), as the queue's filters list them.
    public record Named(String code, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    public boolean placed() {
        return gridCode != null;
    }
}
