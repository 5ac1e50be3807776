/// The supervisors' stores: the hard cases for the district's consultation (会商研判) found in SQL,
/// the consultations recorded into the tickets' trails, and the shift hand-over (交接班). The
/// services here decide who may do what (the permission table, then the unit); the desk only asks.
package org.griddesk.store.supervise;
