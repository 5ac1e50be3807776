package org.griddesk.simulate;

import org.griddesk.domain.ticket.Channel;

/// One request the simulator posts: the channel whose key it carries, where, the JSON body, and
/// what kind of traffic it stands for (so a run can tell what the gateway should have done with it).
public record SimulatedRequest(Kind kind, Channel channel, String path, String body) {

    public enum Kind {
        /// a request never seen before
        NEW,
        /// the same request sent again (a channel retrying): must come back 200 with the same ticket
        RESENT,
        /// another citizen reporting the same matter: a new ticket, offered as a duplicate
        SAME_MATTER,
        /// a camera raising the same alarm again: folded into the open ticket
        REPEAT_ALARM,
        /// a broken request: must be refused with a 4xx and change nothing
        BROKEN
    }
}
