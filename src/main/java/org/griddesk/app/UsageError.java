package org.griddesk.app;

import java.util.stream.Collectors;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/// A misused command line in the user's language: picocli's own words are English, so in Chinese
/// the common cases (an unknown option, a missing parameter, a value of the wrong kind) are said
/// again in Chinese, naming the option and the value; anything else keeps picocli's text.
final class UsageError {
    private UsageError() {
    }

    static String describe(CommandLine.ParameterException e, Messages messages) {
        if (messages.language() != Language.ZH_CN) {
            return e.getMessage();
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return messages.get("error.usage.unmatched", String.join(" ", unmatched.getUnmatched()));
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            return messages.get("error.usage.missing", missing.getMissing().stream().map(UsageError::name)
                    .collect(Collectors.joining("、")));
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return messages.get("error.usage.value", name(e.getArgSpec()), e.getValue());
        }
        return e.getMessage();
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.longestName();
        }
        return spec instanceof PositionalParamSpec positional ? positional.paramLabel() : spec.toString();
    }
}
