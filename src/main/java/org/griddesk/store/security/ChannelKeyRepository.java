package org.griddesk.store.security;

import static org.griddesk.store.jooq.Tables.CHANNEL_KEY;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.griddesk.domain.ticket.Channel;
import org.jooq.DSLContext;

/// The channels' API keys, by digest (see `security.ApiKeys`).
public final class ChannelKeyRepository {
    /// One key as stored: never the key itself.
    public record ChannelKey(long id, Channel channel, String label, Instant createdAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public ChannelKeyRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public ChannelKey add(Channel channel, String label, String digest) {
        Instant now = clock.instant();
        long id = dsl.insertInto(CHANNEL_KEY).set(CHANNEL_KEY.CHANNEL, channel.name()).set(CHANNEL_KEY.LABEL, label)
                .set(CHANNEL_KEY.KEY_DIGEST, digest).set(CHANNEL_KEY.CREATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .returning(CHANNEL_KEY.ID).fetchOne().getId();
        return new ChannelKey(id, channel, label, now, null);
    }

    /// The channel of an active key with this digest.
    public Optional<Channel> channelOf(String digest) {
        return dsl.select(CHANNEL_KEY.CHANNEL).from(CHANNEL_KEY)
                .where(CHANNEL_KEY.KEY_DIGEST.eq(digest), CHANNEL_KEY.REVOKED_AT.isNull())
                .fetchOptional(r -> Channel.valueOf(r.value1()));
    }

    public List<ChannelKey> all() {
        return dsl.selectFrom(CHANNEL_KEY).orderBy(CHANNEL_KEY.ID).fetch(r -> new ChannelKey(r.getId(),
                Channel.valueOf(r.getChannel()), r.getLabel(), r.getCreatedAt().toInstant(),
                r.getRevokedAt() == null ? null : r.getRevokedAt().toInstant()));
    }

    /// Revokes a key; false when there is no such active key.
    public boolean revoke(long id) {
        return dsl.update(CHANNEL_KEY).set(CHANNEL_KEY.REVOKED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .where(CHANNEL_KEY.ID.eq(id), CHANNEL_KEY.REVOKED_AT.isNull()).execute() == 1;
    }
}
