package org.griddesk.store.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.griddesk.domain.assessment.ScoreKey;
import org.griddesk.domain.assessment.ScoreWeights;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScoreWeightsRepositoryTest {
    @TempDir
    Path temp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theMigrationHoldsTheDefaultsAndAChangeIsKeptExactly(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            ScoreWeightsRepository repo = new ScoreWeightsRepository(db.dsl(), clock);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("assessment_weight"))).as("one row per setting")
                    .isEqualTo(ScoreKey.values().length);
            assertThat(repo.current()).isEqualTo(ScoreWeights.DEFAULTS);

            ScoreWeightsRepository.Change change = repo.set("deduct.repeat", "0.35", "console:ops");
            assertThat(change.before().get(ScoreKey.REPEAT)).isEqualTo(0.2);
            assertThat(repo.current().get(ScoreKey.REPEAT)).isEqualTo(0.35);
            assertThat(db.dsl().fetchValue("SELECT updated_by FROM assessment_weight WHERE weight_key = 'deduct.repeat'"))
                    .isEqualTo("console:ops");

            db.dsl().execute("DELETE FROM assessment_weight WHERE weight_key = 'weight.response'");
            assertThat(repo.current().get(ScoreKey.RESPONSE)).as("a missing row takes its default").isEqualTo(20.0);
            repo.set("WEIGHT.RESPONSE", " 25 ", "console:ops");
            assertThat(repo.current().get(ScoreKey.RESPONSE)).isEqualTo(25.0);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBadSettingWritesNothing(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            ScoreWeightsRepository repo = new ScoreWeightsRepository(db.dsl(), clock);
            repo.set("weight.response", "0", "console:ops");
            repo.set("weight.resolution", "0", "console:ops");
            assertThatThrownBy(() -> repo.set("weight.satisfaction", "0", "console:ops")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("不能全为 0");
            assertThatThrownBy(() -> repo.set("deduct.cap", "1e9", "console:ops")).hasMessageContaining("0 到 100");
            assertThat(repo.current().get(ScoreKey.SATISFACTION)).isEqualTo(40.0);
            assertThat(repo.current().get(ScoreKey.CAP)).isEqualTo(30.0);
        }
    }
}
