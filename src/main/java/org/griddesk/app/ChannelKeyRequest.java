package org.griddesk.app;

import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditSink;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.store.security.ChannelKeyRepository.ChannelKey;

/// What `griddesk channels …` asks of the store's channel keys: done on the store directly, or, when
/// a running desk or gateway holds the embedded store open, by that process ([StoreControl]).
/// Only a key's digest ever travels; the key itself stays with the command that made it.
sealed interface ChannelKeyRequest extends ControlRequest {
    /// What came of a request: the key added, every key, or whether a key was revoked; or why it
    /// could not be done.
    record Reply(ChannelKey added, List<ChannelKey> keys, boolean revoked, String error) {
        Reply(ChannelKey added, List<ChannelKey> keys, boolean revoked) {
            this(added, keys, revoked, null);
        }

        static Reply failed(String why) {
            return new Reply(null, List.of(), false, why);
        }
    }

    Reply apply(ChannelKeyRepository keys);

    /// Applies `request`; a key made or revoked is recorded in `audit` as done at this machine's
    /// console (the key itself never: its id, holder and label).
    static Reply applyAudited(ChannelKeyRequest request, ChannelKeyRepository keys, AuditSink audit) {
        Reply reply = request.apply(keys);
        String target = switch (request) {
            case AddForChannel add -> reply.added() == null ? null : "key " + reply.added().id() + " " + add.channel();
            case AddForTeam add -> reply.added() == null ? null : "key " + reply.added().id() + " team " + add.team();
            case Revoke revoke -> reply.revoked() ? "key " + revoke.id() : null;
            case ListAll list -> null;
        };
        if (target != null) {
            String detail = request instanceof Revoke ? "revoked" : "added: " + reply.added().label();
            audit.record(ConsoleAudit.entry(AuditAction.CHANNEL_KEY_CHANGED, target, detail));
        }
        return reply;
    }

    record AddForChannel(Channel channel, String label, String digest) implements ChannelKeyRequest {
        @Override
        public Reply apply(ChannelKeyRepository keys) {
            return new Reply(keys.add(channel, label, digest), List.of(), false);
        }
    }

    record AddForTeam(String team, String label, String digest) implements ChannelKeyRequest {
        @Override
        public Reply apply(ChannelKeyRepository keys) {
            return new Reply(keys.addForTeam(team, label, digest), List.of(), false);
        }
    }

    record ListAll() implements ChannelKeyRequest {
        @Override
        public Reply apply(ChannelKeyRepository keys) {
            return new Reply(null, keys.all(), false);
        }
    }

    record Revoke(long id) implements ChannelKeyRequest {
        @Override
        public Reply apply(ChannelKeyRepository keys) {
            return new Reply(null, List.of(), keys.revoke(id));
        }
    }
}
