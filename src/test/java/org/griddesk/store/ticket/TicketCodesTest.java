package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketCodesTest {
    @TempDir
    Path temp;

    @Test
    void aBlockReservedAheadWhileTheStoreWasAwayIsReservedAgainNotFailedForever() throws Exception {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            TicketCodes codes = new TicketCodes(db.dsl());
            Instant now = Instant.parse("2026-11-26T02:00:00Z");
            Set<String> handedOut = new HashSet<>();
            handedOut.add(codes.next(now)); // the month's first block
            // the counter is out of reach (as when the store is away) while the next block is reserved ahead
            db.dsl().execute("ALTER TABLE ticket_code_counter RENAME TO ticket_code_counter_away");
            for (int i = 1; i < TicketCodes.BLOCK; i++) {
                handedOut.add(codes.next(now));
            }
            Thread.sleep(300); // the reservation ahead has failed by now
            db.dsl().execute("ALTER TABLE ticket_code_counter_away RENAME TO ticket_code_counter");
            for (int i = 0; i < 3 * TicketCodes.BLOCK; i++) {
                assertThat(handedOut.add(codes.next(now))).as("a new code").isTrue();
            }
            assertThat(handedOut).hasSize(4 * TicketCodes.BLOCK).allMatch(c -> c.startsWith("2611-"));
        }
    }
}
