package org.griddesk.domain.org;

/// A centre, team or department as the district's organisation file lists it: the unit, the team
/// type of the responsibility catalogue it is (teams only) and whom it is reached by.
///
/// @param teamTypeCode null for a centre
/// @param contactName  its duty officer or office, or null
/// @param contactPhone digits only (a landline with its area code), or null
public record UnitEntry(Unit unit, String teamTypeCode, String contactName, String contactPhone) {
}
