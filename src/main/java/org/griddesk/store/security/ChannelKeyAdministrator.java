package org.griddesk.store.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
import org.griddesk.security.ChannelKeyAdministration.IssuedKey;
import org.griddesk.security.ChannelKeyAdministration.KeyHolder;
import org.griddesk.security.ChannelKeyAdministration.KeyRow;
import org.griddesk.security.Session;
import org.griddesk.store.district.BaseDataRepository;
import org.griddesk.store.security.ChannelKeyRepository.ChannelKey;

/// Channel and team keys for [DistrictAdministrationService], as `griddesk channels` makes them: a
/// new random key whose digest alone is stored, its label one line of at most 100 characters, a
/// team's key only for a team the store has. The audit names the key's id, holder and label, as the
/// command's record does, never the key.
final class ChannelKeyAdministrator {
    private static final int MAX_LABEL = 100;

    private final DistrictEdit edit;
    private final Clock clock;

    ChannelKeyAdministrator(DistrictEdit edit, Clock clock) {
        this.edit = edit;
        this.clock = clock;
    }

    List<KeyRow> keys(Session by) {
        edit.require(by, "channel-keys");
        Map<String, String> teams = teamNames();
        return new ChannelKeyRepository(edit.dsl(), clock).all().stream().map(k -> row(k, teams)).toList();
    }

    List<KeyHolder> holders(Session by) {
        edit.require(by, "channel-keys");
        List<KeyHolder> holders = new ArrayList<>(Arrays.stream(Channel.values()).map(c -> new KeyHolder(c, null, c.zhName())).toList());
        teamNames().forEach((id, name) -> holders.add(new KeyHolder(null, id, name)));
        return holders;
    }

    IssuedKey issue(Session by, KeyHolder holder, String label) {
        String target = holder == null ? "key" : holder.channel() != null ? "key " + holder.channel() : "key team " + holder.teamId();
        edit.require(by, target);
        if (holder == null || (holder.channel() == null) == (holder.teamId() == null)) {
            throw edit.refuse(by, target, "admin.district.keys.noHolder");
        }
        String typed = DistrictEdit.typed(label);
        if (!DistrictEdit.name(typed, MAX_LABEL)) {
            throw edit.refuse(by, target, "admin.district.badName", MAX_LABEL);
        }
        Map<String, String> teams = teamNames();
        if (holder.teamId() != null && !teams.containsKey(holder.teamId())) {
            throw edit.refuse(by, target, "admin.district.keys.noTeam", holder.teamId());
        }
        String key = ApiKeys.newKey();
        String digest = ApiKeys.digest(key);
        ChannelKey stored = edit.commit(by, tx -> holder.channel() != null
                        ? new ChannelKeyRepository(tx, clock).add(holder.channel(), typed, digest)
                        : new ChannelKeyRepository(tx, clock).addForTeam(holder.teamId(), typed, digest),
                k -> "key " + k.id() + (k.channel() != null ? " " + k.channel() : " team " + k.teamUnit()), k -> "added: " + k.label());
        return new IssuedKey(row(stored, teams), key);
    }

    void revoke(Session by, long keyId) {
        String target = "key " + keyId;
        edit.require(by, target);
        boolean active = new ChannelKeyRepository(edit.dsl(), clock).all().stream().anyMatch(k -> k.id() == keyId && k.active());
        if (!active) {
            throw edit.refuse(by, target, "admin.district.keys.noSuchKey", keyId);
        }
        edit.commit(by, target, "revoked", tx -> new ChannelKeyRepository(tx, clock).revoke(keyId));
    }

    private Map<String, String> teamNames() {
        return new BaseDataRepository(edit.dsl()).units().stream().filter(u -> u.unit().kind() == UnitKind.TEAM)
                .collect(Collectors.toMap(u -> u.unit().id(), (UnitEntry u) -> u.unit().name(), (a, b) -> a, TreeMap::new));
    }

    private static KeyRow row(ChannelKey k, Map<String, String> teams) {
        String name = k.channel() != null ? k.channel().zhName() : teams.getOrDefault(k.teamUnit(), k.teamUnit());
        return new KeyRow(k.id(), k.holder(), name, k.label(), k.createdAt(), k.revokedAt());
    }
}
