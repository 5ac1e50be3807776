package org.griddesk.app;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/// Builds the `griddesk` command tree in one language and runs it.
///
/// The language of help and messages is `--lang` when given, else `GRIDDESK_LANG`, else Chinese.
public final class GridDeskCli {
    public static final String CLI_BUNDLE = "i18n/cli";

    private GridDeskCli() {
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        Language language = detectLanguage(args, env);
        Messages messages = Messages.of(language);
        CommandLine cli = commandLine(args, env, messages);
        cli.setResourceBundle(Messages.bundle(CLI_BUNDLE, language));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> reportFailure(e, commandLine, messages));
        cli.setParameterExceptionHandler((e, args1) -> {
            // the help of the command that was misused (`griddesk report assessment --help`), not the desk's
            e.getCommandLine().getErr().println(messages.get("error.usage", UsageError.describe(e, messages),
                    e.getCommandLine().getCommandSpec().qualifiedName(" ")));
            return 2;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /// The command tree for a command line. Picocli builds a command's model by reflection when the
    /// command is added, and for all of them that took longer than `grids locate`'s own work; a
    /// command line names one, so only the commands named in it are added (every one when it names
    /// none: the desk, `--help`, a mistyped command, which is then refused as before).
    static CommandLine commandLine(String[] args, Map<String, String> env, Messages messages) {
        CommandLine cli = new CommandLine(new GridDeskCommand(env, messages));
        List<String> words = Arrays.asList(args);
        List<Class<?>> named = GridDeskCommand.COMMANDS.stream()
                .filter(c -> words.contains(c.getAnnotation(CommandLine.Command.class).name())).toList();
        (named.isEmpty() ? GridDeskCommand.COMMANDS : named).forEach(cli::addSubcommand);
        return cli;
    }

    private static int reportFailure(Exception e, CommandLine commandLine, Messages messages) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ConfigException c) {
            err.println(messages.get("error.config", c.key(), c.value(), messages.get(c.reasonKey())));
            return 2;
        }
        if (e instanceof IllegalArgumentException) {
            err.println(messages.get("error.input", e.getMessage()));
            return 2;
        }
        if (heldByAnother(e)) {
            // an embedded store open in a desk (or another command): say so, not H2's words
            err.println(messages.get("error.storeInUse"));
            return 1;
        }
        LoggerFactory.getLogger(GridDeskCli.class).error("command failed", e);
        err.println(messages.get("error.failed", rootMessage(e)));
        return 1;
    }

    /// Whether the embedded store's file is held by another program (H2's "database already open").
    static boolean heldByAnother(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_FILE_LOCKED) {
                return true;
            }
        }
        return false;
    }

    /// H2's error code for a database file another process has open (`DATABASE_ALREADY_OPEN_1`)
    private static final int H2_FILE_LOCKED = 90020;

    /// The innermost cause's first line: what actually went wrong, without wrapper noise.
    static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    static Language detectLanguage(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return Language.parse(args[i + 1]).orElse(Language.ZH_CN);
            }
            if (args[i].startsWith("--lang=")) {
                return Language.parse(args[i].substring("--lang=".length())).orElse(Language.ZH_CN);
            }
        }
        return Language.parse(env.get("GRIDDESK_LANG")).orElse(Language.ZH_CN);
    }
}
