package org.griddesk.security;

import java.util.Optional;
import java.util.function.Predicate;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Unit;

/// Which tickets a person may see listed behind a figure of the assessment (the drill-down lists of
/// 统计分析 and 考评排名): whoever may read the whole district (DISTRICT_READ) every ticket; the staff
/// of a centre the tickets owned by their centre or a centre below it (the district centre's staff:
/// every town's); anyone else none. The figures themselves (sums, rates, the ranking) are published
/// to every unit that may read the assessment; the tickets behind another town's figures are not.
public final class TicketScope {
    /// sees no ticket (a list opened with nobody signed in)
    public static final TicketScope NONE = new TicketScope(owner -> false);

    private final Predicate<String> covers;

    private TicketScope(Predicate<String> covers) {
        this.covers = covers;
    }

    public static TicketScope of(Session session, Organisation organisation) {
        if (session.may(Permission.DISTRICT_READ)) {
            return new TicketScope(owner -> true);
        }
        Optional<Unit> centre = organisation.unit(session.unitId()).filter(Unit::isCentre);
        if (centre.isEmpty()) {
            return NONE;
        }
        return new TicketScope(owner -> organisation.unit(owner).filter(Unit::isCentre)
                .map(unit -> organisation.isSameOrAbove(centre.get(), unit)).orElse(false));
    }

    /// true when a ticket owned by this centre may be listed
    public boolean covers(String ownerUnitId) {
        return ownerUnitId != null && covers.test(ownerUnitId);
    }
}
