package org.griddesk.intake;

/// A phone call or a walk-in taken at a centre's desk (席位录入), as the entry form hands it over:
/// raw text as typed, checked by [DeskIntake#check].
///
/// @param entryId   the form's own number, made when it opens: taking the same entry twice (a second
///                  Enter, a retry after the store was away) gives the first ticket back
/// @param gridCode  the grid the person picked (a community's search picks its centre grid), or null
/// @param lon       the point picked on the map (with `lat`), or null
/// @param itemCode  the taxonomy item the person chose or kept from the suggestion, or null
public record DeskEntry(String entryId, Arrival arrival, String callerName, String callerPhone, String address,
                        String gridCode, Double lon, Double lat, String content, String itemCode, boolean urgent) {

    /// How the request came to the desk.
    public enum Arrival {
        /// 电话: a call to the centre's own line
        PHONE("电话"),
        /// 来访: a citizen at the counter
        WALK_IN("来访");

        private final String zhName;

        Arrival(String zhName) {
            this.zhName = zhName;
        }

        public String zhName() {
            return zhName;
        }
    }

    public DeskEntry {
        arrival = arrival == null ? Arrival.PHONE : arrival;
    }

    /// The channel number the ticket keeps (`电话-…`, `来访-…`): how it came, and what makes a second
    /// take of the same form find the first ticket.
    public String externalId() {
        return arrival.zhName() + "-" + entryId;
    }
}
