package org.griddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SystemPropertyRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void storesReadsAndReplacesAValue(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            SystemPropertyRepository repo = new SystemPropertyRepository(db.dsl(), Clock.fixed(T0, ZoneOffset.UTC));

            assertThat(repo.find("district")).isEmpty();
            repo.put("district", "津南区");
            assertThat(repo.find("district")).get()
                    .extracting(SystemProperty::value, SystemProperty::updatedAt)
                    .containsExactly("津南区", T0);

            repo.put("district", "津南区网格化管理中心");
            assertThat(repo.findAll()).extracting(SystemProperty::key, SystemProperty::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("district", "津南区网格化管理中心"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void putIfAbsentKeepsTheFirstValue(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            SystemPropertyRepository repo = new SystemPropertyRepository(db.dsl(), Clock.systemUTC());
            repo.putIfAbsent(SystemProperty.INSTALLED_VERSION, "0.1.0");
            SystemProperty kept = repo.putIfAbsent(SystemProperty.INSTALLED_VERSION, "0.2.0");
            assertThat(kept.value()).isEqualTo("0.1.0");
            assertThat(repo.find(SystemProperty.INSTALLED_VERSION)).get().extracting(SystemProperty::value).isEqualTo("0.1.0");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void refusesAnOversizedValueAndWritesNothing(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            SystemPropertyRepository repo = new SystemPropertyRepository(db.dsl(), Clock.systemUTC());
            assertThatThrownBy(() -> repo.put("notes", "x".repeat(4001)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4000");
            assertThatThrownBy(() -> repo.put(" ", "v")).isInstanceOf(IllegalArgumentException.class);
            assertThat(repo.findAll()).isEmpty();
        }
    }
}
