package org.griddesk.store.district;

import static org.griddesk.store.jooq.Tables.ALARM_KIND_ITEM;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.PlainText;
import org.jooq.DSLContext;

/// Which taxonomy item a video alarm's kind names (`占道经营` → 流动摊贩占道): kept by the
/// administrator, read by intake when an alarm arrives.
public final class AlarmItemRepository {
    /// the longest kind: a push's source (a video alarm's type is at most 40)
    public static final int MAX_KIND = 100;

    private final DSLContext dsl;
    private final Clock clock;

    public AlarmItemRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /// The item an alarm of this kind names, when it is mapped to one the catalogue has.
    public Optional<String> itemFor(String alarmType) {
        if (alarmType == null) {
            return Optional.empty();
        }
        return dsl.select(ALARM_KIND_ITEM.ITEM_CODE).from(ALARM_KIND_ITEM)
                .join(TAXONOMY_ITEM).on(TAXONOMY_ITEM.CODE.eq(ALARM_KIND_ITEM.ITEM_CODE))
                .where(ALARM_KIND_ITEM.ALARM_TYPE.eq(alarmType.strip())).fetchOptional(ALARM_KIND_ITEM.ITEM_CODE);
    }

    /// Every mapping, by kind: the item code, and its name (null when the catalogue no longer has it).
    public Map<String, String[]> all() {
        Map<String, String[]> out = new LinkedHashMap<>();
        dsl.select(ALARM_KIND_ITEM.ALARM_TYPE, ALARM_KIND_ITEM.ITEM_CODE, TAXONOMY_ITEM.NAME).from(ALARM_KIND_ITEM)
                .leftJoin(TAXONOMY_ITEM).on(TAXONOMY_ITEM.CODE.eq(ALARM_KIND_ITEM.ITEM_CODE))
                .orderBy(ALARM_KIND_ITEM.ALARM_TYPE)
                .forEach(r -> out.put(r.value1(), new String[] {r.value2(), r.value3()}));
        return out;
    }

    /// Maps `alarmType` to `itemCode` (replacing its mapping); refused, changing nothing, for an
    /// empty or too long kind or an item the catalogue does not have.
    public void map(String alarmType, String itemCode) {
        String kind = alarmType == null ? "" : alarmType.strip();
        if (!acceptsKind(kind)) {
            throw new IllegalArgumentException("alarm kind must be 1–" + MAX_KIND + " characters, no tabs or line breaks");
        }
        if (!dsl.fetchExists(TAXONOMY_ITEM, TAXONOMY_ITEM.CODE.eq(itemCode))) {
            throw new IllegalArgumentException("no item " + itemCode + " in the catalogue");
        }
        var at = clock.instant().atOffset(ZoneOffset.UTC);
        dsl.insertInto(ALARM_KIND_ITEM).set(ALARM_KIND_ITEM.ALARM_TYPE, kind).set(ALARM_KIND_ITEM.ITEM_CODE, itemCode)
                .set(ALARM_KIND_ITEM.CHANGED_AT, at)
                .onDuplicateKeyUpdate().set(ALARM_KIND_ITEM.ITEM_CODE, itemCode).set(ALARM_KIND_ITEM.CHANGED_AT, at)
                .execute();
    }

    /// Whether `kind` (stripped) may be mapped: 1 to [#MAX_KIND] characters, plain text on one line
    /// ([PlainText]: no tabs, line breaks, invisible or broken characters).
    public static boolean acceptsKind(String kind) {
        return kind != null && !kind.isEmpty() && kind.codePointCount(0, kind.length()) <= MAX_KIND && PlainText.oneLine(kind);
    }

    /// Removes the kind's mapping; false when it had none.
    public boolean unmap(String alarmType) {
        return dsl.deleteFrom(ALARM_KIND_ITEM).where(ALARM_KIND_ITEM.ALARM_TYPE.eq(alarmType == null ? "" : alarmType.strip()))
                .execute() > 0;
    }

    /// The given mappings, when there are none yet (a new demo district's); a mapping to an item the
    /// catalogue does not have is left out.
    public void seedIfEmpty(Map<String, String> mappings) {
        if (dsl.fetchCount(ALARM_KIND_ITEM) == 0) {
            mappings.forEach((kind, item) -> {
                if (dsl.fetchExists(TAXONOMY_ITEM, TAXONOMY_ITEM.CODE.eq(item))) {
                    map(kind, item);
                }
            });
        }
    }
}
