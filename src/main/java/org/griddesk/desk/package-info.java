/// The dispatcher's desk: [DeskModel] (the desk without its window: it follows the store's change
/// feed and holds the panes' view models), the main window that binds to it, the status bar, and
/// [DeskDoor]: sign-in, the face each role sees, the idle lock and sign-out (their view models in
/// `signin`, `session` and `admin`). Each pane has a package of its own: queue, detail, board,
/// command, district, wall.
package org.griddesk.desk;
