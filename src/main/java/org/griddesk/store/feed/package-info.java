/// The change feed: every committed change to the trail (tickets, their events, approvals, whistles)
/// and to the household visits reaches every desk and gateway, once, in order of sequence, including
/// changes whose sequence number commits after a larger one. Woken at once by `LISTEN/NOTIFY` on
/// PostgreSQL, by a short poll on H2.
package org.griddesk.store.feed;
