/// The supervisor's screens: the shift supervisor's board over the queue (值班长台: extensions and
/// escalations to decide, overdue work to urge, whistles waiting, the hand-over). Assessment, KPIs and
/// reports come with their issue.
package org.griddesk.supervise;
