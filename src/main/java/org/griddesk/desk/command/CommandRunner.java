package org.griddesk.desk.command;

import java.util.function.Consumer;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.org.Actor;

/// Runs a command on the store off the UI thread; the outcome comes back on the UI thread.
@FunctionalInterface
public interface CommandRunner {
    void run(DeskCommand command, Actor actor, Consumer<TicketActions.Outcome> onDone);
}
