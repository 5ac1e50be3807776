package org.griddesk.security;

import java.util.List;
import org.griddesk.domain.district.GridWorker;

/// What the system administrator does to the district's posts of people: the full-time grid worker
/// (专职网格员) of each grid and the grid leader (网格长) of each community. One person per post;
/// assigning a post replaces whoever held it. Needs
/// [org.griddesk.domain.org.Permission#ORGANISATION_MANAGE]; changes are audited and recorded as a
/// change of the district; a refusal throws [AccountRefused], audited, changing nothing.
public interface GridWorkerAdministration {
    /// Every grid and community with the person in its post (null when vacant), grids first by code.
    List<Post> posts(Session by);

    /// Puts a person in the post of a grid (its worker) or a community (its leader).
    ///
    /// @param regionCode the grid's or the community's code
    /// @param workerId   the person's id: a new one, or the id of the person already there (a new phone)
    /// @param phone      a mainland mobile or a landline with its area code, in any spelling
    void assign(Session by, String regionCode, String workerId, String name, String phone);

    /// A grid's or a community's post.
    ///
    /// @param leaderPost true for a community's grid-leader post, false for a grid's worker post
    /// @param holder     null when vacant
    record Post(String regionCode, String regionName, String communityCode, String communityName, boolean leaderPost,
                GridWorker holder) {
    }
}
