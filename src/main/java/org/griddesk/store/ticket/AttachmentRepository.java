package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.ATTACHMENT;
import static org.griddesk.store.ticket.TicketRows.odt;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentType;
import org.jooq.DSLContext;

/// The evidence files, each stored once by the SHA-256 of its bytes in the shared store, so every
/// desk and gateway reads the same file. Written only with the report that attaches it
/// ([TicketService]); read by the detail pane's thumbnails and viewer.
public final class AttachmentRepository {
    private final DSLContext dsl;

    public AttachmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// Stores the files not stored yet, on the open transaction `tx` of the change that attaches
    /// them: the same bytes sent again (by another desk at the same moment too) stay one row.
    static void store(DSLContext tx, List<Attachment> files, Instant now) {
        for (Attachment a : files) {
            tx.insertInto(ATTACHMENT).set(ATTACHMENT.SHA256, a.sha256()).set(ATTACHMENT.MEDIA_TYPE, a.type().mediaType())
                    .set(ATTACHMENT.BYTE_SIZE, a.size()).set(ATTACHMENT.FILE_NAME, a.name()).set(ATTACHMENT.CONTENT, a.content())
                    .set(ATTACHMENT.STORED_AT, odt(now))
                    .onConflictDoNothing().execute();
        }
    }

    /// What is stored of these digests (those not stored are left out), in no particular order.
    public List<StoredAttachment> find(Collection<String> digests) {
        if (digests.isEmpty()) {
            return List.of();
        }
        return dsl.select(ATTACHMENT.SHA256, ATTACHMENT.MEDIA_TYPE, ATTACHMENT.BYTE_SIZE, ATTACHMENT.FILE_NAME).from(ATTACHMENT)
                .where(ATTACHMENT.SHA256.in(digests))
                .fetch(r -> new StoredAttachment(r.value1(), AttachmentType.ofMediaType(r.value2()).orElse(AttachmentType.PDF),
                        r.value3(), r.value4()));
    }

    /// The file's bytes.
    public Optional<byte[]> content(String digest) {
        return dsl.select(ATTACHMENT.CONTENT).from(ATTACHMENT).where(ATTACHMENT.SHA256.eq(digest)).fetchOptional(r -> r.value1());
    }

    /// How many files are stored.
    public int count() {
        return dsl.fetchCount(ATTACHMENT);
    }
}
