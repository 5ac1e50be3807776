/// Timers that reach people: the whistle check-in countdowns and late check-ins, the overdue
/// contact and callbacks of a centre ([TimerWatch] reads them when the store changes), and the
/// countdown's words ([Countdown]) the boards show as the clock ticks, without reading again.
package org.griddesk.desk.timers;
