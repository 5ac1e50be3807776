package org.griddesk.app;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/// A `griddesk` command that only groups subcommands (`db`, `calendar`, `demo`, `grids`): on its own
/// it prints its usage.
abstract class CommandGroup implements Runnable {
    @ParentCommand
    GridDeskCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /// Where refusals go: the command line's error writer.
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
