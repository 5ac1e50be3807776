package org.griddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// H2 loads no class a store names but GridDesk's triggers (the build sets the property as `main`
/// does): a function alias or a trigger of another class is refused by H2 itself.
class H2GuardTest {
    @TempDir
    Path dir;

    @Test
    void h2LoadsOnlyGridDesksTriggerClasses() throws Exception {
        assertThat(System.getProperty("h2.allowedClasses")).isEqualTo(H2Guard.ALLOWED);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("guard"), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T(A INT)");
            assertThatThrownBy(() -> s.execute("CREATE ALIAS BYE FOR 'java.lang.System.exit'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("java.lang.System");
            assertThatThrownBy(() -> s.execute("CREATE TRIGGER X BEFORE INSERT ON T FOR EACH ROW CALL 'org.h2.fulltext.FullText$FullTextTrigger'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("FullTextTrigger");
            s.execute("CREATE TRIGGER G BEFORE UPDATE ON T FOR EACH ROW CALL '" + AppendOnlyTrigger.class.getName() + "'");
        }
    }
}
