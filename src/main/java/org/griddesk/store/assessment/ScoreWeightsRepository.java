package org.griddesk.store.assessment;

import static org.griddesk.store.jooq.Tables.ASSESSMENT_WEIGHT;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.griddesk.domain.assessment.ScoreKey;
import org.griddesk.domain.assessment.ScoreWeights;
import org.jooq.DSLContext;

/// The assessment formula's settings in `assessment_weight` (migration V26). A key without a row takes
/// its default; a row whose key this version does not know is ignored.
public final class ScoreWeightsRepository {
    private final DSLContext dsl;
    private final Clock clock;

    public ScoreWeightsRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public ScoreWeights current() {
        Map<ScoreKey, Double> values = new EnumMap<>(ScoreKey.class);
        dsl.select(ASSESSMENT_WEIGHT.WEIGHT_KEY, ASSESSMENT_WEIGHT.WEIGHT_VALUE).from(ASSESSMENT_WEIGHT).fetch()
                .forEach(r -> ScoreKey.parse(r.value1()).ifPresent(k -> values.put(k, r.value2().doubleValue())));
        return new ScoreWeights(values);
    }

    /// Changes one setting as typed (`weight.response`, `35`), checked whole first: a bad key or value,
    /// or weights that would all be zero, is refused in words ([IllegalArgumentException]) and nothing is written.
    ///
    /// @return the settings before and after
    public Change set(String keyText, String valueText, String by) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            ScoreWeights before = new ScoreWeightsRepository(tx, clock).current();
            ScoreWeights after = before.with(keyText, valueText);
            ScoreKey key = ScoreKey.parse(keyText).orElseThrow();
            BigDecimal value = BigDecimal.valueOf(after.get(key));
            var now = clock.instant().atOffset(ZoneOffset.UTC);
            int updated = tx.update(ASSESSMENT_WEIGHT).set(ASSESSMENT_WEIGHT.WEIGHT_VALUE, value)
                    .set(ASSESSMENT_WEIGHT.UPDATED_AT, now).set(ASSESSMENT_WEIGHT.UPDATED_BY, by)
                    .where(ASSESSMENT_WEIGHT.WEIGHT_KEY.eq(key.key())).execute();
            if (updated == 0) {
                tx.insertInto(ASSESSMENT_WEIGHT).set(ASSESSMENT_WEIGHT.WEIGHT_KEY, key.key()).set(ASSESSMENT_WEIGHT.WEIGHT_VALUE, value)
                        .set(ASSESSMENT_WEIGHT.UPDATED_AT, now).set(ASSESSMENT_WEIGHT.UPDATED_BY, by).execute();
            }
            return new Change(key, before, after);
        });
    }

    /// One setting changed: which, and the settings before and after.
    public record Change(ScoreKey key, ScoreWeights before, ScoreWeights after) {
    }
}
