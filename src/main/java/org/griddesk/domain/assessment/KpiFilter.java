package org.griddesk.domain.assessment;

import java.util.Optional;
import org.griddesk.domain.ticket.Channel;

/// Narrows every measure to the tickets of one channel and/or one taxonomy category (the item's
/// first-level category, e.g. `C04` 市容环境). Empty means all.
public record KpiFilter(Optional<Channel> channel, Optional<String> categoryCode) {
    public static final KpiFilter ALL = new KpiFilter(Optional.empty(), Optional.empty());

    public KpiFilter {
        channel = channel == null ? Optional.empty() : channel;
        categoryCode = categoryCode == null ? Optional.empty() : categoryCode.filter(c -> !c.isBlank());
    }

    public static KpiFilter channel(Channel channel) {
        return new KpiFilter(Optional.of(channel), Optional.empty());
    }

    public static KpiFilter category(String categoryCode) {
        return new KpiFilter(Optional.empty(), Optional.of(categoryCode));
    }
}
