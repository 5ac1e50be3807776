/// Supervisor views: approvals, overdue board, KPIs and reports. Not written yet: the desk issue brings it.
package org.griddesk.supervise;
