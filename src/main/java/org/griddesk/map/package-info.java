/// The JavaFX map control and its layers. Not written yet: the map issue brings it; the desk shows a placeholder until then.
package org.griddesk.map;
