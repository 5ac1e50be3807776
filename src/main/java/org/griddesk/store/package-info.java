/// The store: connection pool, Flyway migrations, jOOQ repositories (returning Java records), connection monitor and, later, the change feed.
package org.griddesk.store;
