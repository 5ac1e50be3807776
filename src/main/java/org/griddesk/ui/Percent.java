package org.griddesk.ui;

/// A probability as people read it: `37%`, or `<1%` rather than a misleading `0%`.
public final class Percent {
    private Percent() {
    }

    public static String of(Messages messages, double p) {
        return p < 0.005 ? messages.get("detail.itemConfidenceLow") : messages.get("detail.itemConfidence", (int) Math.round(p * 100));
    }
}
