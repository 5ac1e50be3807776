package org.griddesk.desk.detail;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.security.RevealRefused;
import org.griddesk.security.Session;
import org.griddesk.store.PersonalDataService;
import org.griddesk.ui.Messages;
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
    private volatile PersonalDataService reveals;
    private long picked = -1;

    public TicketDetailViewModel(TaskExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /// The store to read from, once the district is read (nothing is read before).
    public void useStore(TicketDetailLoader newLoader, PersonalDataService newReveals) {
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

    /// Asks the store to reveal the ticket's citizen to `session` for `reason` ([PersonalDataService]:
    /// permission, scope and reason checked, the reveal recorded and audited first); `onRevealed`
    /// hears the caller, `onRefused` the refusal's message key. Nothing shows when the record fails.
    public void reveal(long ticketId, Session session, String reason, Consumer<Caller> onRevealed, Consumer<String> onRefused) {
        PersonalDataService to = reveals;
        if (to == null) {
            return;
        }
        executor.submit(() -> {
            try {
                return (Object) to.revealCaller(session, ticketId, reason);
            } catch (RevealRefused refused) {
                return refused;
            }
        }, result -> {
            if (result instanceof Caller caller) {
                onRevealed.accept(caller);
            } else {
                onRefused.accept(((RevealRefused) result).messageKey());
            }
        }, failure -> log.warn("the reveal of ticket {}'s citizen was not recorded: not shown", ticketId, failure));
    }

    /// The caller as the detail shows them: masked, or the words saying that this desk cannot show
    /// them (no data key); `texts` is the `i18n/personaldata` bundle.
    public static String callerLine(Caller caller, Messages texts) {
        if (!caller.readable()) {
            return texts.get("personaldata.noKey");
        }
        return (caller.maskedName() + " " + caller.maskedPhone()).strip();
    }
}
