package org.griddesk.desk.entry;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/// Runs the last of a burst of requests once the burst has paused: typing asks on every key, the
/// duplicate check runs once the person stops for a moment.
public interface Debounce {
    /// `work` runs once no other request has come for the pause (on the FX thread); a request
    /// meanwhile replaces it.
    void request(Runnable work);

    /// Drops what is waiting.
    void cancel();

    /// On the FX thread, after `pause` without a request.
    static Debounce fx(Duration pause) {
        PauseTransition timer = new PauseTransition(pause);
        return new Debounce() {
            @Override
            public void request(Runnable work) {
                timer.setOnFinished(e -> work.run());
                timer.playFromStart();
            }

            @Override
            public void cancel() {
                timer.stop();
            }
        };
    }
}
