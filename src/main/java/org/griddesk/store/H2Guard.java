package org.griddesk.store;

import org.griddesk.store.security.AuditGuardTrigger;

/// The Java classes H2 may load on a store's behalf: GridDesk's own triggers, nothing else. H2 loads
/// a class named in a store (a trigger, a function alias, a table engine, a linked table's driver)
/// when it opens the store, before any check of ours can look at it: a backup or export made to
/// load another class is refused by H2 itself. Must be set before H2's first class loads
/// ([#install], first thing in `main`; the tests set the same property in the build).
public final class H2Guard {
    /// H2's system property
    static final String PROPERTY = "h2.allowedClasses";
    public static final String ALLOWED = AppendOnlyTrigger.class.getName() + "," + AuditGuardTrigger.class.getName();

    private H2Guard() {
    }

    /// Sets the property unless it was set on the command line.
    public static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ALLOWED);
        }
    }
}
