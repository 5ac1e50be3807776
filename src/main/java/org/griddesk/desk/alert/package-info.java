/// Desktop notifications (ControlsFX): new urgent tickets, tickets turning at risk or overdue in the
/// user's scope, late whistle check-ins. [AlertRules] decides what is said and when (plain Java,
/// tested with a fake clock); [DeskAlerts] feeds it from the desk's reads on its own thread and
/// shows what it says.
package org.griddesk.desk.alert;
