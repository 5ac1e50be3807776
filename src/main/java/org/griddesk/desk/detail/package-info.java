/// The ticket detail pane: one ticket read whole off the FX thread ([TicketDetailLoader]), which one is
/// picked and shown ([TicketDetailViewModel]), its view with the trail and the mini map, and a grid's
/// card.
package org.griddesk.desk.detail;
