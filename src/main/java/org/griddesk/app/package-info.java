/// Entry point, command line (picocli), configuration, data folder and wiring of the features. No business rules live here.
package org.griddesk.app;
