/// The dispatcher's views: main window, status bar and, later, queue, ticket detail, team board and command bar.
package org.griddesk.desk;
