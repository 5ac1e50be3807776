package org.griddesk.app;

import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.ResourceBundle;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AccountTexts;
import org.griddesk.security.Accounts;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult;
import org.griddesk.security.Workstation;
import org.griddesk.ui.Language;

/// Signs in the person a command runs as (`--as NAME`): the password from the terminal or standard
/// input, then the one-time code when the account has a second factor, through the same
/// [Accounts] as the desk (lockout, audit and all). Commands such as `users`, `audit` and `keys`
/// use it before they do anything (`OperatorSignIn.of(accounts, err, language).signIn(name)`); the
/// session then meets the same permission checks as at a desk. Close the work with `signOut`.
public final class OperatorSignIn {
    private final Accounts accounts;
    private final PasswordPrompt prompt;
    private final AccountTexts texts;

    OperatorSignIn(Accounts accounts, PasswordPrompt prompt, AccountTexts texts) {
        this.accounts = accounts;
        this.prompt = prompt;
        this.texts = texts;
    }

    /// For a command: prompts on `prompts` (the command's error stream) in `language`.
    static OperatorSignIn of(Accounts accounts, PrintWriter prompts, Language language) {
        return new OperatorSignIn(accounts, new PasswordPrompt(prompts), new AccountTexts(language.locale()));
    }

    /// The operator's session, asked with the `users` commands' prompts in the texts' language.
    Session signIn(String username) {
        ResourceBundle cli = ResourceBundle.getBundle(GridDeskCli.CLI_BUNDLE, texts.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return signIn(username, MessageFormat.format(cli.getString("users.prompt.operator"), username),
                cli.getString("users.prompt.code"));
    }

    /// The operator's session; throws [AccountRefused] (with the words of the refusal) when not in.
    Session signIn(String username, String promptText, String codePromptText) {
        char[] password = prompt.secret(promptText);
        try {
            Workstation here = Workstation.local();
            SignInResult result = accounts.signIn(username, password, null, here);
            if (result instanceof SignInResult.SecondFactorRequired) {
                result = accounts.signIn(username, password, prompt.line(codePromptText), here);
            }
            return switch (result) {
                case SignInResult.SignedIn in -> in.session();
                case SignInResult.Refused refused -> throw new AccountRefused(refused.messageKey(), refused.args());
                // a password to be changed is changed at the desk's sign-in, not by a command
                case SignInResult.PasswordChangeRequired change -> throw new AccountRefused(change.reasonKey());
                case SignInResult.SecondFactorRequired again -> throw new AccountRefused("signIn.secondFactorWrong");
            };
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    AccountTexts texts() {
        return texts;
    }
}
