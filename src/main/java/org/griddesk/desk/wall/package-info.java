/// The wall screen: the map, today's intake by channel, open, overdue and at-risk work, the 30-day
/// on-time rate and the newest urgent tickets, full screen on a second monitor.
package org.griddesk.desk.wall;
