/// Drill-down (穿透): the read-only history list of the tickets behind any figure, with the queue's
/// cells and each ticket's detail and trail, for every screen that shows a number.
package org.griddesk.supervise.drill;
