package org.griddesk.store.security;

import static org.griddesk.store.jooq.Tables.CHANNEL_KEY;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.griddesk.domain.ticket.Channel;
import org.jooq.DSLContext;

/// The API keys of the channels and of the teams' own systems, by digest (see `security.ApiKeys`).
/// A team's key is stored with the channel `TEAM` and the team's unit id.
public final class ChannelKeyRepository {
    private static final String TEAM = "TEAM";

    /// One key as stored: never the key itself. `channel` is null for a team's key, `teamUnit` null
    /// for a channel's.
    public record ChannelKey(long id, Channel channel, String teamUnit, String label, Instant createdAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }

        /// The channel's name, or `TEAM:` and the team's id.
        public String holder() {
            return channel != null ? channel.name() : TEAM + ":" + teamUnit;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public ChannelKeyRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public ChannelKey add(Channel channel, String label, String digest) {
        return insert(channel.name(), null, label, digest);
    }

    /// A key for the own system of the team `teamUnit` (the department feedback API). Throws
    /// [IllegalArgumentException] when the store has no such team.
    public ChannelKey addForTeam(String teamUnit, String label, String digest) {
        boolean team = dsl.fetchExists(ORG_UNIT, ORG_UNIT.ID.eq(teamUnit), ORG_UNIT.UNIT_KIND.eq("TEAM"));
        if (!team) {
            throw new IllegalArgumentException("no team " + teamUnit + " in this store (a unit id such as JN-CGW)");
        }
        return insert(TEAM, teamUnit, label, digest);
    }

    private ChannelKey insert(String channel, String teamUnit, String label, String digest) {
        Instant now = clock.instant();
        long id = dsl.insertInto(CHANNEL_KEY).set(CHANNEL_KEY.CHANNEL, channel).set(CHANNEL_KEY.TEAM_UNIT, teamUnit)
                .set(CHANNEL_KEY.LABEL, label).set(CHANNEL_KEY.KEY_DIGEST, digest)
                .set(CHANNEL_KEY.CREATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .returning(CHANNEL_KEY.ID).fetchOne().getId();
        return new ChannelKey(id, teamUnit == null ? Channel.valueOf(channel) : null, teamUnit, label, now, null);
    }

    /// The channel of an active channel key with this digest.
    public Optional<Channel> channelOf(String digest) {
        return dsl.select(CHANNEL_KEY.CHANNEL).from(CHANNEL_KEY)
                .where(CHANNEL_KEY.KEY_DIGEST.eq(digest), CHANNEL_KEY.REVOKED_AT.isNull(), CHANNEL_KEY.CHANNEL.ne(TEAM))
                .fetchOptional(r -> Channel.valueOf(r.value1()));
    }

    /// The team of an active team key with this digest.
    public Optional<String> teamOf(String digest) {
        return dsl.select(CHANNEL_KEY.TEAM_UNIT).from(CHANNEL_KEY)
                .where(CHANNEL_KEY.KEY_DIGEST.eq(digest), CHANNEL_KEY.REVOKED_AT.isNull(), CHANNEL_KEY.CHANNEL.eq(TEAM))
                .fetchOptional(r -> r.value1());
    }

    public List<ChannelKey> all() {
        return dsl.selectFrom(CHANNEL_KEY).orderBy(CHANNEL_KEY.ID).fetch(r -> new ChannelKey(r.getId(),
                TEAM.equals(r.getChannel()) ? null : Channel.valueOf(r.getChannel()), r.getTeamUnit(), r.getLabel(),
                r.getCreatedAt().toInstant(), r.getRevokedAt() == null ? null : r.getRevokedAt().toInstant()));
    }

    /// Revokes a key; false when there is no such active key.
    public boolean revoke(long id) {
        return dsl.update(CHANNEL_KEY).set(CHANNEL_KEY.REVOKED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .where(CHANNEL_KEY.ID.eq(id), CHANNEL_KEY.REVOKED_AT.isNull()).execute() == 1;
    }
}
