package org.griddesk.search;

import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.security.TicketScope;

/// Which owners' tickets a search may return: every one, or those of the centres named.
public record SearchScope(boolean everyOwner, Set<String> owners) {
    public static final SearchScope NONE = new SearchScope(false, Set.of());
    public static final SearchScope ALL = new SearchScope(true, Set.of());

    public SearchScope {
        owners = Set.copyOf(owners);
    }

    /// The owners `scope` covers among the organisation's units (every one: [#ALL]).
    public static SearchScope of(TicketScope scope, Organisation organisation) {
        if (organisation == null) {
            return NONE;
        }
        Set<String> covered = organisation.units().stream().map(Unit::id).filter(scope::covers).collect(Collectors.toSet());
        return covered.size() == organisation.units().size() ? ALL : new SearchScope(false, covered);
    }

    public boolean covers(String ownerUnitId) {
        return everyOwner || owners.contains(ownerUnitId);
    }
}
