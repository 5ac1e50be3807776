/// Grid workers' patrols: the points their app posts in batches, the rules a batch must meet
/// ([org.griddesk.patrol.BatchCheck]), their compact encoding ([org.griddesk.patrol.TrackCodec]) and a
/// grid's patrol coverage for a day ([org.griddesk.patrol.PatrolCoverage]). Plain Java and JTS: the
/// store keeps the batches, the gateway takes them, the map draws the tracks.
package org.griddesk.patrol;
