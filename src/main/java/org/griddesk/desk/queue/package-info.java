/// The intake queue pane: its rows read from the store ([QueueLoader]), kept current from the feed
/// ([LiveQueue]), filtered, sorted and scoped to the user ([QueueViewModel]) and shown ([QueueView]).
package org.griddesk.desk.queue;
