package org.griddesk.desk.detail;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.griddesk.domain.org.Actor;
import org.griddesk.store.ticket.PersonalDataLog;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The detail pane's state: which ticket is picked and its detail as last read. Reads go through
/// the [TaskExecutor]; a detail that arrives after another ticket was picked is not shown, and the
/// ticket shown is read again when the feed says it changed.
public final class TicketDetailViewModel {
    private static final Logger log = LoggerFactory.getLogger(TicketDetailViewModel.class);

    private final TaskExecutor executor;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<TicketDetail> current = new ReadOnlyObjectWrapper<>(this, "current");
    private volatile TicketDetailLoader loader;
    private volatile PersonalDataLog reveals;
    private long picked = -1;

    public TicketDetailViewModel(TaskExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /// The store to read from, once the district is read (nothing is read before).
    public void useStore(TicketDetailLoader newLoader, PersonalDataLog newReveals) {
        this.loader = newLoader;
        this.reveals = newReveals;
    }

    /// The ticket the detail pane shows (null when none).
    public ReadOnlyObjectProperty<TicketDetail> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /// The id of the ticket last picked (-1 when none).
    public long picked() {
        return picked;
    }

    /// Picks a ticket: its detail is read and shown unless another is picked meanwhile.
    public void pick(long ticketId) {
        picked = ticketId;
        read(ticketId, this::show);
    }

    /// Shows no ticket (sign-out, change of person); a read still under way is not shown.
    public void clear() {
        picked = -1;
        current.set(null);
    }

    /// Shows a detail read elsewhere (after an action), if its ticket is still the one picked.
    public void show(TicketDetail detail) {
        if (detail.ticket().id() == picked) {
            current.set(detail);
        }
    }

    /// Tickets changed (here, at another desk, at a gateway): the one shown is read again.
    public void changed(Set<Long> ticketIds) {
        TicketDetail shown = current.get();
        if (shown != null && ticketIds.contains(shown.ticket().id())) {
            read(shown.ticket().id(), this::show);
        }
    }

    /// Reads a ticket's detail without picking it (a context menu, a drop on a ticket not shown).
    public void read(long ticketId, Consumer<TicketDetail> onRead) {
        TicketDetailLoader from = loader;
        if (from == null) {
            return; // the district is not read yet
        }
        executor.submit(() -> from.load(ticketId, clock.instant()), onRead,
                failure -> log.warn("cannot read ticket {}", ticketId, failure));
    }

    /// Reads the ticket with this code (the command bar), or empty when there is none.
    public void find(String code, Consumer<Optional<TicketDetail>> onFound) {
        TicketDetailLoader from = loader;
        if (from != null) {
            executor.submit(() -> from.find(code, clock.instant()), onFound,
                    failure -> log.warn("cannot look up ticket {}", code, failure));
        }
    }

    /// Records that `actor` reveals the ticket's citizen, then runs `onRecorded` (only then may
    /// the unmasked details show; nothing shows when the record fails).
    public void reveal(long ticketId, Actor actor, Runnable onRecorded) {
        PersonalDataLog to = reveals;
        if (to == null) {
            return;
        }
        executor.submit(() -> {
            to.recordReveal(ticketId, actor);
            return Boolean.TRUE;
        }, ok -> onRecorded.run(), failure -> log.warn("the reveal of ticket {}'s citizen was not recorded: not shown", ticketId, failure));
    }
}
