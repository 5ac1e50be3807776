package org.griddesk.store;

import static org.griddesk.store.jooq.Tables.SYSTEM_PROPERTY;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.griddesk.store.jooq.tables.records.SystemPropertyRecord;
import org.jooq.DSLContext;

/// Reads and writes installation-wide facts.
public final class SystemPropertyRepository {
    private final DSLContext dsl;
    private final Clock clock;

    public SystemPropertyRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Optional<SystemProperty> find(String key) {
        return dsl.selectFrom(SYSTEM_PROPERTY)
                .where(SYSTEM_PROPERTY.PROPERTY_KEY.eq(key))
                .fetchOptional()
                .map(SystemPropertyRepository::toProperty);
    }

    public List<SystemProperty> findAll() {
        return dsl.selectFrom(SYSTEM_PROPERTY)
                .orderBy(SYSTEM_PROPERTY.PROPERTY_KEY)
                .fetch(SystemPropertyRepository::toProperty);
    }

    /// Sets a value, replacing any earlier one.
    public SystemProperty put(String key, String value) {
        validate(key, value);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            int updated = t.update(SYSTEM_PROPERTY)
                    .set(SYSTEM_PROPERTY.PROPERTY_VALUE, value)
                    .set(SYSTEM_PROPERTY.UPDATED_AT, now)
                    .where(SYSTEM_PROPERTY.PROPERTY_KEY.eq(key))
                    .execute();
            if (updated == 0) {
                t.insertInto(SYSTEM_PROPERTY)
                        .set(SYSTEM_PROPERTY.PROPERTY_KEY, key)
                        .set(SYSTEM_PROPERTY.PROPERTY_VALUE, value)
                        .set(SYSTEM_PROPERTY.UPDATED_AT, now)
                        .execute();
            }
        });
        return new SystemProperty(key, value, now.toInstant());
    }

    /// Sets a value only when the key has none yet; returns the value that holds afterwards.
    public SystemProperty putIfAbsent(String key, String value) {
        return find(key).orElseGet(() -> put(key, value));
    }

    private static void validate(String key, String value) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new IllegalArgumentException("a property key must have 1 to 100 characters");
        }
        if (value == null || value.length() > 4000) {
            throw new IllegalArgumentException("a property value must have at most 4000 characters");
        }
    }

    private static SystemProperty toProperty(SystemPropertyRecord r) {
        return new SystemProperty(r.getPropertyKey(), r.getPropertyValue(), r.getUpdatedAt().toInstant());
    }
}
