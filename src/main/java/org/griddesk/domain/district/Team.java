package org.griddesk.domain.district;

import org.griddesk.domain.org.Unit;

/// A handling team and the team type of the responsibility catalogue it is.
public record Team(Unit unit, String teamTypeCode) {
}
