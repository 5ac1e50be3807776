package org.griddesk.desk.command;

import javafx.util.Duration;

/// Where the desk says what just happened: done, refused, stale; and, for what can be taken back,
/// the offer to do so while it lasts. The notice bar over the map is one; tests record them.
public interface Notices {
    /// Says what happened; `failed` marks a refusal.
    void say(String message, boolean failed);

    /// Says what happened with an offer (e.g. 撤销) that lasts `window`.
    void sayWithOffer(String message, String offerText, Runnable action, Duration window);
}
