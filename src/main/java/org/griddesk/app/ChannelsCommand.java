package org.griddesk.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.security.ChannelKeyRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/// `griddesk channels …`: the API keys with which channels call the gateway.
@Command(name = "channels", mixinStandardHelpOptions = true,
        subcommands = {ChannelsCommand.Add.class, ChannelsCommand.AddTeam.class, ChannelsCommand.ListKeys.class, ChannelsCommand.Revoke.class})
final class ChannelsCommand extends CommandGroup {

    /// Runs `work` on the configured store's key repository.
    <T> T withKeys(Function<ChannelKeyRepository, T> work) {
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
            db.migrate();
            return work.apply(new ChannelKeyRepository(db.dsl(), Clock.systemUTC()));
        }
    }

    /// `channels add CHANNEL --label TEXT`: makes a key and prints it, once.
    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "CHANNEL", descriptionKey = "channels.add.channel")
        Channel channel;

        @Option(names = "--label", required = true, paramLabel = "TEXT", descriptionKey = "channels.add.label")
        String label;

        @Override
        public Integer call() {
            return channels.issue(label, (keys, digest) -> keys.add(channel, label.strip(), digest));
        }
    }

    /// `channels add-team UNIT --label TEXT`: a key for a team's own system (the feedback API).
    @Command(name = "add-team", mixinStandardHelpOptions = true)
    static final class AddTeam implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "TEAM", descriptionKey = "channels.addTeam.team")
        String team;

        @Option(names = "--label", required = true, paramLabel = "TEXT", descriptionKey = "channels.add.label")
        String label;

        @Override
        public Integer call() {
            return channels.issue(label, (keys, digest) -> keys.addForTeam(team, label.strip(), digest));
        }
    }

    /// Makes a key, stores its digest with `add`, and prints the key, once.
    int issue(String label, BiFunction<ChannelKeyRepository, String, ChannelKeyRepository.ChannelKey> add) {
        if (label.isBlank() || label.length() > 100) {
            throw new IllegalArgumentException("--label must be 1 to 100 characters");
        }
        String key = ApiKeys.newKey();
        var stored = withKeys(keys -> add.apply(keys, ApiKeys.digest(key)));
        root.out().println(root.messages().get("cli.channels.added", Long.toString(stored.id()), stored.holder(), stored.label()));
        root.out().println(key);
        return 0;
    }

    /// `channels list`: every key, active or revoked (never the key itself).
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Override
        public Integer call() {
            for (var k : channels.withKeys(ChannelKeyRepository::all)) {
                channels.root.out().printf("%4d  %-20s  %-30s  %s  %s%n", k.id(), k.holder(), k.label(), k.createdAt(),
                        k.active() ? "active" : "revoked " + k.revokedAt());
            }
            return 0;
        }
    }

    /// `channels revoke ID`: the key stops working at once.
    @Command(name = "revoke", mixinStandardHelpOptions = true)
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "ID", descriptionKey = "channels.revoke.id")
        long id;

        @Override
        public Integer call() {
            if (!channels.withKeys(keys -> keys.revoke(id))) {
                channels.err().println(channels.root.messages().get("cli.channels.noSuchKey", Long.toString(id)));
                return 2;
            }
            channels.root.out().println(channels.root.messages().get("cli.channels.revoked", Long.toString(id)));
            return 0;
        }
    }
}
