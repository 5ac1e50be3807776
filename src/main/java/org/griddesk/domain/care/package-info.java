/// Special groups (四失五类) among the must-visit households and the care they get (关爱帮扶): which
/// groups a household's people belong to, the risk it carries, and what was done, by whom and when.
/// Personal data: visible only to the roles the permission table allows, notes sealed in the store,
/// every read of them recorded (docs/security.md).
package org.griddesk.domain.care;
