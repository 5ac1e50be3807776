package org.griddesk.desk;

import javafx.stage.Window;
import org.griddesk.security.Session;
import org.griddesk.ui.Language;

/// One of the supervision and assessment screens (统计分析, 考评专报, 会商研判, 专线舆情, 交接班) as the desk's
/// 督查考核 menu opens it. The app wires each with what it reads; the desk shows the ones the signed-in
/// person may open and closes their windows when the desk locks or the person leaves.
public interface SupervisionScreen {
    /// the menu item's text
    String title(Language language);

    /// whether the session may open it: ask the permission table ([Session#may]); the services it
    /// calls decide again
    boolean allowedFor(Session session);

    /// Opens the screen for `session` (never blocking the FX thread); returns its window.
    Window open(Window owner, Session session, Language language);
}
