package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.TEAM_UPLOAD;
import static org.griddesk.store.ticket.TicketRows.odt;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.griddesk.domain.ticket.Attachment;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// Files a team's system uploaded one at a time ahead of the handled report that names them by
/// their SHA-256. An upload belongs to the team that sent it (another team cannot name it), is shown
/// nowhere, and is deleted once its report has taken it (the report copies what it names into the
/// shared [AttachmentRepository] in its own transaction), or a [#KEPT] after its last upload.
public final class TeamUploads {
    /// how long an upload waits for its report
    public static final Duration KEPT = Duration.ofDays(1);

    private final DSLContext dsl;

    public TeamUploads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// at most this many bytes of uploads wait for their reports per team (twenty reports' worth of
    /// the largest files): a team key cannot fill the store
    public static final long MAX_HELD_BYTES = 200L * 1024 * 1024;

    /// Keeps `file` for `teamId`; the same bytes again stay one upload (its time renewed, its first
    /// name kept: the name returned). Empty for a new upload.
    public Optional<String> store(String teamId, Attachment file, Instant now) {
        int renewed = dsl.update(TEAM_UPLOAD).set(TEAM_UPLOAD.UPLOADED_AT, odt(now))
                .where(TEAM_UPLOAD.TEAM_ID.eq(teamId), TEAM_UPLOAD.SHA256.eq(file.sha256())).execute();
        if (renewed > 0) {
            return Optional.ofNullable(dsl.select(TEAM_UPLOAD.FILE_NAME).from(TEAM_UPLOAD)
                    .where(TEAM_UPLOAD.TEAM_ID.eq(teamId), TEAM_UPLOAD.SHA256.eq(file.sha256())).fetchOne(TEAM_UPLOAD.FILE_NAME));
        }
        boolean added = dsl.insertInto(TEAM_UPLOAD).set(TEAM_UPLOAD.TEAM_ID, teamId).set(TEAM_UPLOAD.SHA256, file.sha256())
                .set(TEAM_UPLOAD.MEDIA_TYPE, file.type().mediaType()).set(TEAM_UPLOAD.BYTE_SIZE, file.size())
                .set(TEAM_UPLOAD.FILE_NAME, file.name()).set(TEAM_UPLOAD.CONTENT, file.content()).set(TEAM_UPLOAD.UPLOADED_AT, odt(now))
                .onConflictDoNothing().execute() > 0; // two sends of it at once: one row
        return added ? Optional.empty() : Optional.of(file.name());
    }

    /// How many bytes of uploads `teamId` has waiting for their reports.
    public long heldBytes(String teamId) {
        Long held = dsl.select(DSL.sum(TEAM_UPLOAD.BYTE_SIZE).cast(Long.class)).from(TEAM_UPLOAD).where(TEAM_UPLOAD.TEAM_ID.eq(teamId))
                .fetchOne(0, Long.class);
        return held == null ? 0 : held;
    }

    /// Deletes the uploads a handled report took (they are in the shared attachments now).
    public void taken(String teamId, java.util.Collection<String> sha256s) {
        if (!sha256s.isEmpty()) {
            dsl.deleteFrom(TEAM_UPLOAD).where(TEAM_UPLOAD.TEAM_ID.eq(teamId), TEAM_UPLOAD.SHA256.in(sha256s)).execute();
        }
    }

    /// The name and bytes `teamId` uploaded under this digest, within the [#KEPT] time.
    public Optional<Uploaded> find(String teamId, String sha256, Instant now) {
        return dsl.select(TEAM_UPLOAD.FILE_NAME, TEAM_UPLOAD.CONTENT).from(TEAM_UPLOAD)
                .where(TEAM_UPLOAD.TEAM_ID.eq(teamId), TEAM_UPLOAD.SHA256.eq(sha256), TEAM_UPLOAD.UPLOADED_AT.ge(odt(now.minus(KEPT))))
                .fetchOptional(r -> new Uploaded(r.value1(), r.value2()));
    }

    /// Deletes every upload older than [#KEPT]; how many.
    public int prune(Instant now) {
        return dsl.deleteFrom(TEAM_UPLOAD).where(TEAM_UPLOAD.UPLOADED_AT.lt(odt(now.minus(KEPT)))).execute();
    }

    /// An upload as it was sent: its name and bytes (checked again as an [Attachment] when used).
    public record Uploaded(String name, byte[] content) {
    }
}
