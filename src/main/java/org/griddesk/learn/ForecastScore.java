package org.griddesk.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/// How good probabilities of a yes/no outcome are: the Brier score (mean squared error; lower is
/// better), the AUC (the chance that a random "yes" gets a higher probability than a random "no";
/// 0.5 is a coin), and a calibration table (predicted against observed, in tenths by prediction).
public record ForecastScore(int n, double brier, double auc, List<double[]> calibration) {

    public static ForecastScore of(double[] p, boolean[] y) {
        int n = p.length;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double d = p[i] - (y[i] ? 1 : 0);
            brier += d * d;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        // AUC by ranks (ties share their mean rank)
        double rankSumYes = 0;
        long yes = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    rankSumYes += rank;
                    yes++;
                }
            }
            i = j + 1;
        }
        long no = n - yes;
        double auc = yes == 0 || no == 0 ? Double.NaN : (rankSumYes - yes * (yes + 1) / 2.0) / ((double) yes * no);
        List<double[]> calibration = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = n * d / 10;
            int to = n * (d + 1) / 10;
            double predicted = 0;
            double observed = 0;
            for (int k = from; k < to; k++) {
                predicted += p[order[k]];
                observed += y[order[k]] ? 1 : 0;
            }
            int size = Math.max(1, to - from);
            calibration.add(new double[] {predicted / size, observed / size, to - from});
        }
        return new ForecastScore(n, n == 0 ? Double.NaN : brier / n, auc, calibration);
    }
}
