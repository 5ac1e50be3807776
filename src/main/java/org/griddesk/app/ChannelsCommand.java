package org.griddesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
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

    /// Does `request` on the configured store's keys: through the desk or gateway that holds the
    /// embedded store open, if one runs, else on the store itself.
    ChannelKeyRequest.Reply ask(ChannelKeyRequest request) {
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        DatabaseSettings settings = boot.config().databaseSettings(boot.folder());
        Optional<Path> control = StoreControl.socketOf(settings);
        if (control.isPresent()) {
            try {
                Optional<ChannelKeyRequest.Reply> reply = StoreControl.ask(control.get(), request);
                if (reply.isPresent()) {
                    if (reply.get().error() != null) {
                        throw new IllegalStateException(reply.get().error());
                    }
                    return reply.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the running GridDesk did not answer on " + control.get(), e);
            }
        }
        try (Database db = Database.open(settings, ThreadGuard.NONE)) {
            db.migrate();
            return ChannelKeyRequest.applyAudited(request, new ChannelKeyRepository(db.dsl(), Clock.systemUTC()), AuditSinks.of(db));
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
            return channels.issue(label, digest -> new ChannelKeyRequest.AddForChannel(channel, label.strip(), digest));
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
            return channels.issue(label, digest -> new ChannelKeyRequest.AddForTeam(team, label.strip(), digest));
        }
    }

    /// Makes a key, stores its digest with the request `add` makes of it, and prints the key, once.
    int issue(String label, Function<String, ChannelKeyRequest> add) {
        if (label.isBlank() || label.length() > 100) {
            throw new IllegalArgumentException("--label must be 1 to 100 characters");
        }
        String key = ApiKeys.newKey();
        var stored = ask(add.apply(ApiKeys.digest(key))).added();
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
            for (var k : channels.ask(new ChannelKeyRequest.ListAll()).keys()) {
                channels.root.out().printf("%4d  %-20s  %-30s  %s  %s%n", k.id(), k.holder(), k.label(), k.createdAt(),
                        k.active() ? "active" : "revoked " + k.revokedAt());
            }
            return 0;
        }
    }

    /// `channels revoke ID`: the key stops working within seconds, also at a gateway that runs.
    @Command(name = "revoke", mixinStandardHelpOptions = true)
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "ID", descriptionKey = "channels.revoke.id")
        long id;

        @Override
        public Integer call() {
            if (!channels.ask(new ChannelKeyRequest.Revoke(id)).revoked()) {
                channels.err().println(channels.root.messages().get("cli.channels.noSuchKey", Long.toString(id)));
                return 2;
            }
            channels.root.out().println(channels.root.messages().get("cli.channels.revoked", Long.toString(id)));
            return 0;
        }
    }
}
