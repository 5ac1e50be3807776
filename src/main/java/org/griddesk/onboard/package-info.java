/// A real district moves in (issue 23): its centres, teams and departments with their contacts,
/// grid workers, cameras and must-visit households, read from the spreadsheets its offices keep
/// (CSV in any encoding Excel writes, or XLSX), checked whole against each other and the store's
/// grids and catalogue, and written all or nothing; and written back out in the same form.
package org.griddesk.onboard;
