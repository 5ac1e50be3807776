/// The desk's work without the window: who sits at the desk ([DeskUser]), the actions as commands
/// ([DeskCommand], checked and run by [TicketActions]), the forms' input, the command bar's language,
/// and [DeskCore]: store, connection state, change feed, what tests and benchmarks run several of.
package org.griddesk.dispatch;
