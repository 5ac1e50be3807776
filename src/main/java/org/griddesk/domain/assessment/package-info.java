/// Supervision and assessment (督查考核): the periods, units and measures a district scores its centres,
/// departments, teams and grid workers by, and the rates and scores made of them. Definitions in
/// `docs/assessment.md`; the store computes the measures in SQL (`store.assessment`).
package org.griddesk.domain.assessment;
