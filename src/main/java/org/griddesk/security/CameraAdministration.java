package org.griddesk.security;

import java.util.List;
import org.griddesk.domain.district.Camera;

/// What the system administrator does to the district's cameras (雪亮工程 points): add one, or
/// move or re-kind one by its code. A camera stands in its grid or within 100 m of it, as the
/// cameras file's rule says. Needs [org.griddesk.domain.org.Permission#ORGANISATION_MANAGE];
/// changes are audited and recorded as a change of the district; a refusal throws
/// [AccountRefused], audited, changing nothing.
public interface CameraAdministration {
    /// Every camera, by code.
    List<Camera> cameras(Session by);

    /// Adds the camera, or changes the one with its code (kind, point, grid; its stream stays).
    /// The point is WGS-84 with at most 6 decimals.
    void saveCamera(Session by, Camera camera);
}
