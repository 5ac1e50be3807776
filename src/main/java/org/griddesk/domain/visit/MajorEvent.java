package org.griddesk.domain.visit;

import java.time.Duration;
import java.time.Instant;

/// A major event (重大事件) a supervisor declared for a community or a grid: each must-visit household
/// of that area is to be visited within [#WINDOW] of the declaration.
public record MajorEvent(long id, String regionCode, String title, String declaredBy, Instant declaredAt, Instant dueAt) {
    public static final Duration WINDOW = Duration.ofHours(24);

    /// Whether a household of the grid `gridCode` in the community `communityCode` lies in the event's area.
    public boolean covers(String gridCode, String communityCode) {
        return regionCode.equals(gridCode) || regionCode.equals(communityCode);
    }
}
