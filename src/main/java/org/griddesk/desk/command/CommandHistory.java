package org.griddesk.desk.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.griddesk.dispatch.DeskCommand;

/// What Ctrl+Z (and the notice bar's 撤销) can take back: the undo of each command done at this
/// desk that has one, newest first, each for [#WINDOW] after it was done. Older ones and expired
/// ones are forgotten; taking one back removes it.
public final class CommandHistory {
    /// how long a command may be taken back (a dispatch: unless the team signs first, which the
    /// undo's own version check then refuses with who signed)
    public static final Duration WINDOW = Duration.ofSeconds(10);
    /// at most this many undos are kept
    static final int KEPT = 20;

    private record Undo(DeskCommand command, Instant until) {
    }

    private final Deque<Undo> undos = new ArrayDeque<>();
    private final Clock clock;

    public CommandHistory(Clock clock) {
        this.clock = clock;
    }

    /// Remembers how to take back what was just done.
    public synchronized void done(DeskCommand undo) {
        undos.push(new Undo(undo, clock.instant().plus(WINDOW)));
        while (undos.size() > KEPT) {
            undos.removeLast();
        }
    }

    /// The newest undo still within its window, taken off the history; empty when none.
    public synchronized Optional<DeskCommand> takeBack() {
        Instant now = clock.instant();
        while (!undos.isEmpty()) {
            Undo newest = undos.pop();
            if (!now.isAfter(newest.until())) {
                return Optional.of(newest.command());
            }
        }
        return Optional.empty();
    }

    /// This undo, taken off the history if it is still there and within its window (the notice
    /// bar's 撤销 offers one command, not whatever is newest); empty otherwise.
    public synchronized Optional<DeskCommand> takeBack(DeskCommand undo) {
        Instant now = clock.instant();
        for (var it = undos.iterator(); it.hasNext(); ) {
            Undo u = it.next();
            if (u.command().equals(undo)) {
                it.remove();
                return now.isAfter(u.until()) ? Optional.empty() : Optional.of(u.command());
            }
        }
        return Optional.empty();
    }
}
