/// 走访逾期 in the 督查考核 menu: a centre's overdue duty visits (4468 八必访) by community and household,
/// and a supervisor's declaration of a major event (重大事件). The rules and who may do what are
/// [org.griddesk.visit.VisitPlans]'; this package only shows and asks.
package org.griddesk.supervise.visit;
