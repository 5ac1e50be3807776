/// The dispatcher's desk: [DeskModel] (the desk without its window: it follows the store's change
/// feed and holds the panes' view models), the main window that binds to it, the status bar and the
/// identity menu. Each pane has a package of its own: queue, detail, board, command, district, wall.
package org.griddesk.desk;
