/// The dispatcher's work without the window: who sits at the desk, which lifecycle actions they may
/// take on a ticket and with what input, running them off the FX thread, the command bar's language,
/// the team board's loads and the supervisor's board. The `desk` package shows all of it.
package org.griddesk.dispatch;
