/// A new version of the district's map while desks and gateways run (`griddesk grids import
/// --replace`): what changed ([MapDiff]), written in one transaction with the record desks and
/// gateways follow ([MapVersionWriter]), and the open tickets placed again by their points or left
/// to a person ([OpenTicketPlacer]). History keeps the codes it had: a grid the new map no longer
/// has is retired, never deleted.
package org.griddesk.store.mapversion;
