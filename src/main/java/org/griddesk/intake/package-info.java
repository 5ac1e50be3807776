/// The intake gateway (HTTP), channel adapters, validation, duplicate detection and the simulator. Not written yet: the intake issue brings it.
package org.griddesk.intake;
