package org.griddesk.security;

import java.time.Instant;
import java.util.List;
import org.griddesk.domain.ticket.Channel;

/// What the system administrator does to the gateway's keys: those of the intake channels and of
/// the teams' own systems (the feedback API), as `griddesk channels` does. A key is shown once, when
/// it is issued; afterwards only its digest is stored and only its id, holder and label are listed.
/// Needs [org.griddesk.domain.org.Permission#CHANNEL_KEYS_MANAGE]; changes are audited and recorded
/// as a change of the district; a refusal throws [AccountRefused], audited, changing nothing.
public interface ChannelKeyAdministration {
    /// Every key, active or revoked, by id.
    List<KeyRow> keys(Session by);

    /// Who may hold a key: every channel, then every team and department.
    List<KeyHolder> keyHolders(Session by);

    /// Issues a key for a channel or a team; the answer holds the key itself, never to be read again.
    IssuedKey issueKey(Session by, KeyHolder holder, String label);

    /// Revokes an active key: the gateway refuses it within seconds.
    void revokeKey(Session by, long keyId);

    /// A key as listed (never the key itself).
    ///
    /// @param holderName the channel's or the team's name
    record KeyRow(long id, String holder, String holderName, String label, Instant createdAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /// A channel (team null) or a team (channel null).
    record KeyHolder(Channel channel, String teamId, String name) {
        @Override
        public String toString() {
            return channel != null ? name : teamId + " " + name;
        }
    }

    /// A key just issued: its row, and the key to hand over once.
    record IssuedKey(KeyRow row, String key) {
        @Override
        public String toString() {
            return "IssuedKey[" + row + "]"; // never the key in a log line
        }
    }
}
