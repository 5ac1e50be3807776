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

        double[] ruleRate = ruleRates(training);
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
            boolean atRisk = e.snapshot().fractionLeft() < 0.2;
            rule[i] = atRisk ? 1 : 0;
            ruleCalibrated[i] = ruleRate[atRisk ? 1 : 0];
        }
        ForecastScore ours = ForecastScore.of(p, y);
        ForecastScore asIs = ForecastScore.of(rule, y);
        ForecastScore calibrated = ForecastScore.of(ruleCalibrated, y);
        long missed = heldOut.stream().filter(Example::missed).count();

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
        fields.put("predictionMicros", microsEach);
        List<String> table = new ArrayList<>();
        for (double[] row : ours.calibration()) {
            table.add(String.format(Locale.ROOT, "%.3f/%.3f", row[0], row[1]));
        }
        fields.put("calibrationPredictedObserved", table);
        BenchResults.write("breach-risk", fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "breach risk on the last %d days (%,d moments of dispatched tickets, %.1f %% of them missed): model Brier %.4f, "
                        + "AUC %.3f; the 20 %%-rule as it is Brier %.4f, AUC %.3f; the rule as rates (%.3f / %.3f) Brier %.4f; "
                        + "trained on %,d moments in %.1f s; a prediction %.2f µs; calibration by tenths (predicted/observed) %s",
                HELD_OUT_DAYS, heldOut.size(), 100.0 * missed / heldOut.size(), ours.brier(), ours.auc(), asIs.brier(), asIs.auc(),
                ruleRate[0], ruleRate[1], calibrated.brier(), training.size(), trainSeconds, microsEach, table));
    }

    /// The share missed among the training moments outside and inside the rule's 20 %.
    private static double[] ruleRates(List<Example> training) {
        double[] missed = new double[2];
        double[] all = new double[2];
        for (Example e : training) {
            int side = e.snapshot().fractionLeft() < 0.2 ? 1 : 0;
            all[side]++;
            missed[side] += e.missed() ? 1 : 0;
        }
        return new double[] {missed[0] / Math.max(1, all[0]), missed[1] / Math.max(1, all[1])};
    }
}
