/// The district on the desk's map: its model read from the store ([MapModelLoader]) and kept
/// current from the feed at a measured pace ([LiveMap]).
package org.griddesk.desk.district;
