package org.griddesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastScoreTest {
    @Test
    void aPerfectForecastACoinAndAHandWorkedCase() {
        boolean[] y = {false, false, true, true};
        ForecastScore perfect = ForecastScore.of(new double[] {0, 0, 1, 1}, y);
        assertThat(perfect.brier()).isZero();
        assertThat(perfect.auc()).isEqualTo(1.0);

        ForecastScore coin = ForecastScore.of(new double[] {0.5, 0.5, 0.5, 0.5}, y);
        assertThat(coin.brier()).isEqualTo(0.25);
        assertThat(coin.auc()).as("all tied: no ranking at all").isEqualTo(0.5);

        // yes at 0.8 and 0.3, no at 0.4 and 0.1: three of the four yes/no pairs are ranked right
        ForecastScore worked = ForecastScore.of(new double[] {0.4, 0.1, 0.8, 0.3}, y);
        assertThat(worked.auc()).isEqualTo(0.75);
        assertThat(worked.brier()).isCloseTo((0.16 + 0.01 + 0.04 + 0.49) / 4, within(1e-12));
    }

    @Test
    void theCalibrationTableHoldsTenthsByPrediction() {
        int n = 1000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = i / (double) n;
            y[i] = (i * 7919) % n < i; // more yes the higher the prediction
        }
        ForecastScore s = ForecastScore.of(p, y);
        assertThat(s.calibration()).hasSize(10);
        assertThat(s.calibration().getFirst()[0]).isLessThan(s.calibration().getLast()[0]);
        assertThat(s.calibration().stream().mapToDouble(r -> r[2]).sum()).isEqualTo(n);
    }
}
