package org.griddesk.geo;

/// Shares a whole number out in proportion to weights (largest remainder), with a floor each.
final class Apportion {
    private Apportion() {
    }

    static int[] largestRemainder(int total, double[] weights, int minimum) {
        int n = weights.length;
        if (total < minimum * n) {
            throw new IllegalArgumentException("cannot give " + minimum + " each of " + total + " to " + n);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] shares = new int[n];
        double[] remainders = new double[n];
        int given = 0;
        int free = total - minimum * n;
        for (int i = 0; i < n; i++) {
            double exact = free * weights[i] / sum;
            shares[i] = minimum + (int) Math.floor(exact);
            remainders[i] = exact - Math.floor(exact);
            given += shares[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }
}
