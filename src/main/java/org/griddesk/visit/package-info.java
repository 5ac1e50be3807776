/// Duty visits (4468 八必访) as a service: each grid worker's plan per month, the visits owed and
/// overdue for a grid, a community (its grid leader), a town centre and the district, each grid's
/// coverage, and major events declared by a supervisor. The rules are [org.griddesk.domain.visit]'s;
/// the store is [org.griddesk.store.visit.VisitRepository].
package org.griddesk.visit;
