/// Tickets and their lifecycle, taxonomy, organisation, calendar, deadlines and duty shifts: plain Java, with no JavaFX, jOOQ, JDBC or HTTP (ArchitectureTest enforces it).
package org.griddesk.domain;
