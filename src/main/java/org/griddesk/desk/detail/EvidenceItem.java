package org.griddesk.desk.detail;

import java.time.Instant;
import org.griddesk.domain.ticket.AttachmentType;

/// One piece of evidence a ticket shows: a file stored with a report (by its digest), a video
/// alarm's snapshot, or a link a channel sent (a picture kept elsewhere).
///
/// @param key    the digest, the alarm's id, or the link
/// @param type   what the bytes are (null for a link: never fetched by the desk)
/// @param origin where it came with: the request, a handled report, a video alarm
/// @param at     when that was
public record EvidenceItem(Kind kind, String key, String name, AttachmentType type, long size, Origin origin, Instant at) {
    public enum Kind { STORED, SNAPSHOT, LINK }

    public enum Origin { REQUEST, HANDLED, VIDEO }

    /// Whether the desk draws it itself (a thumbnail and the viewer), rather than the system's program.
    public boolean drawable() {
        return type != null && type.drawable();
    }

    /// Whether the system can open it: a stored file or snapshot, or an http(s) link.
    public boolean openable() {
        return kind != Kind.LINK || key.startsWith("https://") || key.startsWith("http://");
    }
}
