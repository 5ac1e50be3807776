package org.griddesk.learn;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/// Trains a [BreachModel] from dispatched tickets whose outcome is known: each case is looked at a
/// few moments between its dispatch and its deadline (or its handling, when sooner), as a desk would
/// see it then, with the team's load at that moment counted from all the cases. Logistic regression
/// by stochastic gradient descent (AdaGrad steps, a little L2), a fixed number of passes in a fixed
/// order: the same cases give the same model.
public final class BreachTrainer {
    public static final int MOMENTS_PER_CASE = 3;
    static final int PASSES = 6;
    static final double STEP = 0.1;
    static final double L2 = 1e-6;
    /// the fewest moments a model learns from: those of 500 tickets
    public static final int MIN_MOMENTS = 500 * MOMENTS_PER_CASE;
    /// the newest days a trained model is first checked on, never trained on
    public static final int HELD_OUT_DAYS = 61;

    /// One moment of one case and whether the case missed its deadline.
    public record Example(BreachSnapshot snapshot, boolean missed) {
    }

    private BreachTrainer() {
    }

    /// The moments to learn from (or to check on): for each case whose outcome is known at `now`,
    /// [#MOMENTS_PER_CASE] moments while it was open and before its deadline.
    public static List<Example> examples(List<BreachCase> cases, Instant now, Predicate<LocalDate> holiday) {
        return examples(cases, c -> true, now, holiday);
    }

    /// As above for the cases `which` picks, the teams' load counted from all of `cases`.
    public static List<Example> examples(List<BreachCase> cases, Predicate<BreachCase> which, Instant now,
                                         Predicate<LocalDate> holiday) {
        TeamLoad load = TeamLoad.of(cases, now);
        List<Example> out = new ArrayList<>();
        for (BreachCase c : cases) {
            if (!which.test(c) || c.dispatchedAt().isAfter(now)) {
                continue;
            }
            Boolean missed = c.missed(now);
            if (missed == null) {
                continue;
            }
            // nothing after `now` is looked at: a handling after it is not known yet
            Instant handled = c.handledAt() != null && !c.handledAt().isAfter(now) ? c.handledAt() : null;
            Instant due = c.dueAt(handled != null ? handled : now);
            Instant end = handled != null && handled.isBefore(due) ? handled : due;
            end = end.isAfter(now) ? now : end;
            long span = Duration.between(c.dispatchedAt(), end).toMinutes();
            if (span <= 1) {
                continue;
            }
            Random r = new Random(c.ticketId() * 7919 + 1);
            for (int k = 0; k < MOMENTS_PER_CASE; k++) {
                Instant at = c.dispatchedAt().plus(Duration.ofMinutes(1 + (long) (r.nextDouble() * (span - 1))));
                if (!at.isBefore(c.dueAt(at))) {
                    continue; // overdue then (extended later): the desk forecasts no overdue ticket
                }
                out.add(new Example(BreachSnapshot.of(c, at, load.at(c.teamId(), at), holidayAhead(at, c.dueAt(at), holiday)), missed));
            }
        }
        return out;
    }

    /// Whether a holiday falls on a day from `at` to `due` (Beijing time).
    public static boolean holidayAhead(Instant at, Instant due, Predicate<LocalDate> holiday) {
        LocalDate end = due.atZone(BreachSnapshot.ZONE).toLocalDate();
        for (LocalDate d = at.atZone(BreachSnapshot.ZONE).toLocalDate(); !d.isAfter(end); d = d.plusDays(1)) {
            if (holiday.test(d)) {
                return true;
            }
        }
        return false;
    }

    /// Trains on the cases whose outcome is known at `now`, after a held-out check: a first model
    /// learns from what was known [#HELD_OUT_DAYS] days ago and is scored on the tickets dispatched
    /// since (or, on a shorter history, on the newest fifth), against the 20 % rule as rates learnt
    /// from the same months; then the model kept learns from everything, with that check's figures
    /// in its [BreachModel.Facts].
    public static BreachModel trainChecked(List<BreachCase> cases, Instant now, Predicate<LocalDate> holiday) {
        Instant cut = now.minus(Duration.ofDays(HELD_OUT_DAYS));
        List<Example> before = examples(cases, c -> c.dispatchedAt().isBefore(cut), cut, holiday);
        if (before.size() < MIN_MOMENTS) {
            List<Instant> times = cases.stream().map(BreachCase::dispatchedAt).filter(t -> !t.isAfter(now)).sorted().toList();
            Instant fifth = times.isEmpty() ? now : times.get(times.size() * 4 / 5);
            return trainChecked(cases, now, holiday, fifth);
        }
        return trainChecked(cases, now, holiday, cut);
    }

    private static BreachModel trainChecked(List<BreachCase> cases, Instant now, Predicate<LocalDate> holiday, Instant cut) {
        List<Example> before = examples(cases, c -> c.dispatchedAt().isBefore(cut), cut, holiday);
        List<Example> after = examples(cases, c -> !c.dispatchedAt().isBefore(cut), now, holiday);
        List<Example> all = examples(cases, now, holiday);
        BreachModel kept = train(all);
        double brier = Double.NaN;
        double auc = Double.NaN;
        double ruleBrier = Double.NaN;
        double ruleAuc = Double.NaN;
        if (before.size() >= MIN_MOMENTS && !after.isEmpty()) {
            BreachModel first = train(before);
            AtRiskRule rule = AtRiskRule.learnt(before);
            double[] p = new double[after.size()];
            double[] r = new double[after.size()];
            boolean[] y = new boolean[after.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = first.probability(after.get(i).snapshot());
                r[i] = rule.probability(after.get(i).snapshot());
                y[i] = after.get(i).missed();
            }
            ForecastScore ours = ForecastScore.of(p, y);
            ForecastScore rules = ForecastScore.of(r, y);
            brier = ours.brier();
            auc = ours.auc();
            ruleBrier = rules.brier();
            ruleAuc = rules.auc();
        }
        Instant last = cases.stream().map(BreachCase::dispatchedAt).filter(t -> !t.isAfter(now)).max(Instant::compareTo).orElse(now);
        int known = (int) cases.stream().filter(c -> !c.dispatchedAt().isAfter(now) && c.missed(now) != null).count();
        return kept.with(new BreachModel.Facts(now, known, last, after.size(), brier, auc, ruleBrier, ruleAuc));
    }

    /// Trains on `examples`; the model's facts name no check (see [#trainChecked]).
    public static BreachModel train(List<Example> examples) {
        if (examples.size() < MIN_MOMENTS) {
            throw new IllegalArgumentException("too few moments of dispatched tickets with a known outcome to learn from: " + examples.size());
        }
        Map<String, Integer> categories = new HashMap<>();
        for (Example e : examples) {
            for (String c : BreachModel.categorical(e.snapshot())) {
                categories.putIfAbsent(c, categories.size());
            }
        }
        int n = BreachModel.NUMERIC + categories.size();
        double[] w = new double[n];
        double[] g2 = new double[n];
        List<Example> order = new ArrayList<>(examples);
        Random shuffle = new Random(42);
        for (int pass = 0; pass < PASSES; pass++) {
            Collections.shuffle(order, shuffle);
            for (Example e : order) {
                double[] x = BreachModel.numeric(e.snapshot());
                int[] ids = new int[BreachModel.categorical(e.snapshot()).length];
                String[] names = BreachModel.categorical(e.snapshot());
                double z = 0;
                for (int k = 0; k < x.length; k++) {
                    z += w[k] * x[k];
                }
                for (int k = 0; k < names.length; k++) {
                    ids[k] = BreachModel.NUMERIC + categories.get(names[k]);
                    z += w[ids[k]];
                }
                double error = 1 / (1 + Math.exp(-z)) - (e.missed() ? 1 : 0);
                for (int k = 0; k < x.length; k++) {
                    step(w, g2, k, error * x[k]);
                }
                for (int id : ids) {
                    step(w, g2, id, error);
                }
            }
        }
        return new BreachModel(categories, w, new BreachModel.Facts(Instant.EPOCH, examples.size() / MOMENTS_PER_CASE,
                Instant.EPOCH, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }

    private static void step(double[] w, double[] g2, int k, double gradient) {
        double g = gradient + L2 * w[k];
        g2[k] += g * g;
        w[k] -= STEP * g / Math.sqrt(g2[k] + 1e-8);
    }

    /// How many tickets each team had in hand at any moment: from each case's dispatch to its
    /// handling or its being given up (or until now while the team has it), as the desk counts its
    /// dispatched and in-progress tickets.
    static final class TeamLoad {
        private final Map<String, long[][]> byTeam = new HashMap<>();

        static TeamLoad of(List<BreachCase> cases, Instant now) {
            Map<String, List<long[]>> spans = new HashMap<>();
            for (BreachCase c : cases) {
                if (c.dispatchedAt().isAfter(now)) {
                    continue;
                }
                Instant end = c.endedAt() != null && c.endedAt().isBefore(now) ? c.endedAt() : now;
                spans.computeIfAbsent(c.teamId(), k -> new ArrayList<>()).add(new long[] {c.dispatchedAt().getEpochSecond(),
                    end.getEpochSecond()});
            }
            TeamLoad load = new TeamLoad();
            spans.forEach((team, list) -> {
                long[] starts = list.stream().mapToLong(s -> s[0]).sorted().toArray();
                long[] ends = list.stream().mapToLong(s -> s[1]).sorted().toArray();
                load.byTeam.put(team, new long[][] {starts, ends});
            });
            return load;
        }

        int at(String team, Instant at) {
            long[][] t = byTeam.get(team);
            if (t == null) {
                return 0;
            }
            long s = at.getEpochSecond();
            return Math.max(0, upTo(t[0], s) - upTo(t[1], s));
        }

        private static int upTo(long[] sorted, long value) {
            int i = java.util.Arrays.binarySearch(sorted, value);
            if (i < 0) {
                return -i - 1;
            }
            while (i + 1 < sorted.length && sorted[i + 1] == value) {
                i++;
            }
            return i + 1;
        }
    }
}
