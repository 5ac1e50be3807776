package org.griddesk.security;

import java.util.ResourceBundle;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// The words for audit actions and outcomes in one language (`i18n/audit*.properties`), for the
/// viewer, the command line and exports read by people.
public final class AuditWords {
    public static final String BUNDLE = "i18n/audit";
    private final ResourceBundle bundle;

    private AuditWords(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static AuditWords of(Language language) {
        return new AuditWords(Messages.bundle(BUNDLE, language));
    }

    public String action(AuditAction action) {
        return bundle.getString("audit.action." + action.name());
    }

    public String outcome(AuditOutcome outcome) {
        return bundle.getString("audit.outcome." + outcome.name());
    }

    /// A refusal to read, export or purge the audit log, in words.
    public String refusal(AuditRefused refused) {
        return refused.isSessionEnded() ? text("audit.viewer.sessionEnded") : text("audit.viewer.refused", refused.missing());
    }

    /// Any other text of the audit bundle (viewer labels, command-line lines).
    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
