package org.griddesk.domain.digest;

/// A request as the mass-incident check sees it: when, from whom (the caller's blind index, never
/// the phone), about what (item and its category) and where (grid and its community).
public record Arrival(TicketRef ticket, String callerIndex, String itemCode, String itemName, String categoryCode,
                      String categoryName, String gridCode, String gridName, String communityCode, String communityName,
                      String ownerUnit) {
}
