/// How actions start and run at the desk: [Dispatching] turns buttons, menus, keys, drops and the
/// command bar into [org.griddesk.dispatch.DeskCommand]s and runs them through one path; the action
/// bar, the action forms (FXML), the command bar, the notice bar and the undo history.
package org.griddesk.desk.command;
