package org.griddesk.supervise.stats;

import java.util.List;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.taxonomy.Category;

/// What the statistics view reads: the KPI engine and the first-level categories of the taxonomy.
/// Blocking: called off the FX thread only.
public interface StatisticsSource {
    KpiEngine engine();

    /// the taxonomy's first-level categories (市容环境, 公共安全…), by code
    List<Category> categories();
}
