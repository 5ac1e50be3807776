/// The statistics view (统计分析): units × rates and measures for a period, trends, top categories,
/// rates by town and the map coloured by any figure; every figure drills down to its tickets.
package org.griddesk.supervise.stats;
