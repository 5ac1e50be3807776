package org.griddesk.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoHistoryGenerator;
import org.griddesk.domain.calendar.DayKind;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.desk.queue.BreachForecast;
import org.griddesk.learn.AtRiskRule;
import org.griddesk.learn.BreachCase;
import org.griddesk.learn.BreachModel;
import org.griddesk.learn.BreachTrainer;
import org.griddesk.learn.BreachTrainer.Example;
import org.griddesk.learn.ForecastScore;

/// The breach-risk forecast against today's rule (at risk when less than 20 % of the time is left)
/// on the demo district's two-year history: trained on what was known 61 days ago, judged on the
/// tickets dispatched since, whose outcome is known now. The rule is scored twice: as it is (1 or
/// 0) and as honest probabilities (the share of misses on each side of it in the training months).
final class BreachRiskBenchmark {
    static final int HELD_OUT_DAYS = 61;

    void run() {
        Instant now = Instant.now();
        DemoDistrictData district = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        List<BreachCase> cases = new ArrayList<>();
        new DemoHistoryGenerator(district, DemoDistrictGenerator.DEFAULT_SEED).generate(DemoHistoryGenerator.DEFAULT_DAYS, now, h -> {
            BreachCase c = BreachCase.of(h.trail());
            if (c != null) {
                cases.add(c);
            }
        });
        WorkCalendar calendar = WorkCalendar.builtIn();
        Instant cut = now.minus(Duration.ofDays(HELD_OUT_DAYS));
        List<Example> training = BreachTrainer.examples(cases, c -> c.dispatchedAt().isBefore(cut), cut,
                d -> calendar.kindOf(d) == DayKind.HOLIDAY);
        List<Example> heldOut = BreachTrainer.examples(cases, c -> !c.dispatchedAt().isBefore(cut), now,
                d -> calendar.kindOf(d) == DayKind.HOLIDAY);

        long start = System.nanoTime();
        BreachModel model = BreachTrainer.train(training);
        double trainSeconds = (System.nanoTime() - start) / 1e9;

        AtRiskRule learntRule = AtRiskRule.learnt(training);
        double[] ruleRate = {learntRule.outsideRate(), learntRule.insideRate()};
        boolean[] y = new boolean[heldOut.size()];
        double[] p = new double[heldOut.size()];
        double[] rule = new double[heldOut.size()];
        double[] ruleCalibrated = new double[heldOut.size()];
        start = System.nanoTime();
        for (int i = 0; i < heldOut.size(); i++) {
            p[i] = model.probability(heldOut.get(i).snapshot());
        }
        double microsEach = (System.nanoTime() - start) / 1e3 / Math.max(1, heldOut.size());
        for (int i = 0; i < heldOut.size(); i++) {
            Example e = heldOut.get(i);
            y[i] = e.missed();
            boolean atRisk = AtRiskRule.inside(e.snapshot());
            rule[i] = atRisk ? 1 : 0;
            ruleCalibrated[i] = ruleRate[atRisk ? 1 : 0];
        }
        ForecastScore ours = ForecastScore.of(p, y);
        ForecastScore asIs = ForecastScore.of(rule, y);
        ForecastScore calibrated = ForecastScore.of(ruleCalibrated, y);
        long missed = heldOut.stream().filter(Example::missed).count();
        // the at-risk colour: by the rule alone, and as the desk gives it with a model that beat the rule
        long[] byRule = new long[2];
        long[] byModel = new long[2];
        for (int i = 0; i < heldOut.size(); i++) {
            if (rule[i] > 0) {
                byRule[0]++;
                byRule[1] += y[i] ? 1 : 0;
            }
            if (BreachForecast.atRisk(p[i], rule[i] > 0)) {
                byModel[0]++;
                byModel[1] += y[i] ? 1 : 0;
            }
        }

        var fields = BenchResults.fields();
        fields.put("benchmark", "breach-risk");
        fields.put("trainingMoments", training.size());
        fields.put("heldOutMoments", heldOut.size());
        fields.put("heldOutMissedShare", (double) missed / heldOut.size());
        fields.put("modelBrier", ours.brier());
        fields.put("modelAuc", ours.auc());
        fields.put("ruleBrier", asIs.brier());
        fields.put("ruleAuc", asIs.auc());
        fields.put("ruleAsRatesBrier", calibrated.brier());
        fields.put("trainingSeconds", trainSeconds);
        fields.put("ruleColouredShare", (double) byRule[0] / heldOut.size());
        fields.put("ruleColouredMissed", (double) byRule[1] / Math.max(1, byRule[0]));
        fields.put("ruleColouredOfMissed", (double) byRule[1] / Math.max(1, missed));
        fields.put("modelColouredShare", (double) byModel[0] / heldOut.size());
        fields.put("modelColouredMissed", (double) byModel[1] / Math.max(1, byModel[0]));
        fields.put("modelColouredOfMissed", (double) byModel[1] / Math.max(1, missed));
        fields.put("predictionMicros", microsEach);
        List<String> table = new ArrayList<>();
        for (double[] row : ours.calibration()) {
            table.add(String.format(Locale.ROOT, "%.3f/%.3f", row[0], row[1]));
        }
        fields.put("calibrationPredictedObserved", table);
        // what a chance threshold alone would colour (for choosing the desk's)
        List<String> sweep = new ArrayList<>();
        for (double t : new double[] {0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5}) {
            long flagged = 0;
            long right = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] >= t) {
                    flagged++;
                    right += y[i] ? 1 : 0;
                }
            }
            sweep.add(String.format(Locale.ROOT, "≥%.2f: %.1f%%/%.1f%%/%.1f%%", t, 100.0 * flagged / p.length,
                    100.0 * right / Math.max(1, flagged), 100.0 * right / Math.max(1, missed)));
        }
        fields.put("thresholdColouredMissedOfMissed", sweep);
        BenchResults.summary("chance thresholds (coloured / of those missed / of the misses coloured): " + sweep);
        BenchResults.write("breach-risk", fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "at-risk colour on the held-out moments: the rule colours %.1f %% of them, %.1f %% of those missed, %.1f %% of the "
                        + "misses coloured; with the model (at least %.0f %%, or inside the rule and at least %.0f %%) %.1f %%, %.1f %%, %.1f %%",
                100.0 * byRule[0] / heldOut.size(), 100.0 * byRule[1] / Math.max(1, byRule[0]), 100.0 * byRule[1] / Math.max(1, missed),
                100 * BreachForecast.AT_RISK, 100 * BreachForecast.SAFE, 100.0 * byModel[0] / heldOut.size(),
                100.0 * byModel[1] / Math.max(1, byModel[0]), 100.0 * byModel[1] / Math.max(1, missed)));
        BenchResults.summary(String.format(Locale.ROOT,
                "breach risk on the last %d days (%,d moments of dispatched tickets, %.1f %% of them missed): model Brier %.4f, "
                        + "AUC %.3f; the 20 %%-rule as it is Brier %.4f, AUC %.3f; the rule as rates (%.3f / %.3f) Brier %.4f; "
                        + "trained on %,d moments in %.1f s; a prediction %.2f µs; calibration by tenths (predicted/observed) %s",
                HELD_OUT_DAYS, heldOut.size(), 100.0 * missed / heldOut.size(), ours.brier(), ours.auc(), asIs.brier(), asIs.auc(),
                ruleRate[0], ruleRate[1], calibrated.brier(), training.size(), trainSeconds, microsEach, table));
    }
}
