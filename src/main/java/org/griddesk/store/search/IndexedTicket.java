package org.griddesk.store.search;

import java.time.Instant;
import java.util.List;

/// One ticket as the history index takes it: what can be searched, nothing personal in clear (the
/// caller only by the blind indexes of the phone and the name).
///
/// @param itemCode     the accepted item, or the channel's hint, or null
/// @param categoryCode that item's category, or null
/// @param units        the centres and teams it passed: owner, accepting centre, the team, watching centres
public record IndexedTicket(long id, String code, String summary, String address, String itemCode, String categoryCode,
                            String channel, String ownerUnitId, List<String> units, String state, Instant reportedAt,
                            String phoneIndex, String nameIndex) {
}
