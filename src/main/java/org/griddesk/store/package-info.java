/// The store: connection pool, Flyway migrations, jOOQ repositories (returning Java records), the
/// connection monitor and, in [org.griddesk.store.feed], the change feed. Tickets are written only by
/// [org.griddesk.store.ticket.TicketService].
package org.griddesk.store;
