package org.griddesk.store.ticket;

import org.griddesk.domain.ticket.AttachmentType;

/// What the store knows of one attached file, without its bytes.
///
/// @param name the name it was first stored under
public record StoredAttachment(String sha256, AttachmentType type, int size, String name) {
    public String ref() {
        return org.griddesk.domain.ticket.Attachment.REF_PREFIX + sha256;
    }
}
