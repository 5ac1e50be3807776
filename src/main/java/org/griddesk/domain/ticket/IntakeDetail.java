package org.griddesk.domain.ticket;

/// What the gateway learned about a request besides the request itself.
///
/// @param locatedBy    how its grid was found, or null when a person must place it
/// @param itemHint     the taxonomy item the channel named (a grid worker's or a department's choice), or null
/// @param categoryHint the hotline's own category words, or null
/// @param urgent       the channel marked it urgent
public record IntakeDetail(Locating locatedBy, String itemHint, String categoryHint, boolean urgent) {

    /// How a request found its grid.
    public enum Locating {
        /// the channel named the grid (a grid worker's own grid)
        GIVEN("渠道指定"),
        /// its point lies in the grid
        POINT("按坐标定位"),
        /// its address named a community or road of the district: a person should confirm it
        ADDRESS("按地址匹配（待核实）");

        private final String zhName;

        Locating(String zhName) {
            this.zhName = zhName;
        }

        public String zhName() {
            return zhName;
        }
    }

    public static final IntakeDetail NONE = new IntakeDetail(null, null, null, false);
}
