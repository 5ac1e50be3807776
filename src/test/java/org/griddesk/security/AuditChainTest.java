package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.griddesk.testsupport.AuditFixture;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final Instant AT = Instant.parse("2026-11-23T01:02:03.456789123Z");
    private final AuditEntry entry = AuditFixture.entry(AT, "u-1", "王调度", AuditAction.PERSONAL_DATA_REVEALED, "2611-0007",
            AuditOutcome.SUCCESS, "回访核实");

    @Test
    void theHashIsSm3OverEveryFieldAndThePreviousHash() {
        String hash = AuditChain.hash(1, entry, AuditChain.GENESIS);
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(AuditChain.hash(1, entry, AuditChain.GENESIS));
        assertThat(AuditChain.hash(2, entry, AuditChain.GENESIS)).as("seq").isNotEqualTo(hash);
        assertThat(AuditChain.hash(1, entry, "1".repeat(64))).as("previous hash").isNotEqualTo(hash);
        AuditEntry[] changed = {
            new AuditEntry(AT.plusMillis(1), "u-1", "王调度", entry.from(), entry.action(), entry.target(), entry.outcome(), entry.detail()),
            new AuditEntry(AT, "u-2", "王调度", entry.from(), entry.action(), entry.target(), entry.outcome(), entry.detail()),
            new AuditEntry(AT, "u-1", "王调", entry.from(), entry.action(), entry.target(), entry.outcome(), entry.detail()),
            new AuditEntry(AT, "u-1", "王调度", new Workstation("other", "10.12.0.33"), entry.action(), entry.target(), entry.outcome(), entry.detail()),
            new AuditEntry(AT, "u-1", "王调度", new Workstation("xsg-desk-03", "10.12.0.34"), entry.action(), entry.target(), entry.outcome(), entry.detail()),
            new AuditEntry(AT, "u-1", "王调度", entry.from(), AuditAction.EXPORTED, entry.target(), entry.outcome(), entry.detail()),
            new AuditEntry(AT, "u-1", "王调度", entry.from(), entry.action(), "2611-0008", entry.outcome(), entry.detail()),
            new AuditEntry(AT, "u-1", "王调度", entry.from(), entry.action(), entry.target(), AuditOutcome.REFUSED, entry.detail()),
            new AuditEntry(AT, "u-1", "王调度", entry.from(), entry.action(), entry.target(), entry.outcome(), "回访核实。"),
        };
        for (AuditEntry e : changed) {
            assertThat(AuditChain.hash(1, e, AuditChain.GENESIS)).as(e.toString()).isNotEqualTo(hash);
        }
    }

    @Test
    void movingTextBetweenFieldsChangesTheHash() {
        AuditEntry a = AuditFixture.entry(AT, "u-1", "王调度", AuditAction.EXPORTED, "ab", AuditOutcome.SUCCESS, "c");
        AuditEntry b = AuditFixture.entry(AT, "u-1", "王调度", AuditAction.EXPORTED, "a", AuditOutcome.SUCCESS, "bc");
        assertThat(AuditChain.hash(1, a, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(1, b, AuditChain.GENESIS));
    }

    @Test
    void timesAreHashedAtTheMicrosecondsTheStoreKeeps() {
        AuditEntry stored = AuditFixture.entry(Instant.parse("2026-11-23T01:02:03.456789Z"), "u-1", "王调度",
                AuditAction.PERSONAL_DATA_REVEALED, "2611-0007", AuditOutcome.SUCCESS, "回访核实");
        assertThat(AuditChain.hash(1, stored, AuditChain.GENESIS)).isEqualTo(AuditChain.hash(1, entry, AuditChain.GENESIS));
        AuditRecord linked = AuditChain.link(1, entry, AuditChain.GENESIS);
        assertThat(linked.hashMatches()).isTrue();
        assertThat(new AuditRecord(1, stored, AuditChain.GENESIS, "0".repeat(64)).hashMatches()).isFalse();
    }

    @Test
    void retentionIsNeverBelowOneHundredEightyDays() {
        assertThat(AuditRetention.parse(null).days()).isEqualTo(180);
        assertThat(AuditRetention.parse(" 365 ").days()).isEqualTo(365);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditRetention.parse("179"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("180");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditRetention.parse("half a year"))
                .isInstanceOf(IllegalArgumentException.class);
        System.setProperty(AuditRetention.PROPERTY, "200");
        try {
            assertThat(AuditRetention.fromSystemProperty().days()).isEqualTo(200);
        } finally {
            System.clearProperty(AuditRetention.PROPERTY);
        }
    }
}
