package org.griddesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Frame times of the desk's queue (10,000 open tickets, scrolled steadily at 1920×1080, software
/// pipeline) while 20 tickets a second arrive, each a whole reload as the desk does it — against the
/// same queue scrolled with nothing arriving, and with the desktop notifications on (every copy of
/// the queue handed to them as the desk does), in the same run ([QueueTour]).
final class QueueFrameBenchmark {
    private final int seconds;
    private final Path work;

    QueueFrameBenchmark(int seconds) throws IOException {
        this.seconds = seconds;
        this.work = Files.createTempDirectory("griddesk-bench-queue-");
    }

    void run() throws Exception {
        try (XDisplay x = XDisplay.startIfPossible("1920x1080")) {
            if (x.name() == null) {
                BenchResults.summary("queue: skipped, no X display (set DISPLAY or install xvfb)");
                return;
            }
            Map<String, Long> intake = tour(x, "intake");
            Map<String, Long> quiet = tour(x, "quiet");
            Map<String, Long> alerts = tour(x, "alerts");
            Map<String, Long> risk = tour(x, "risk");
            var fields = BenchResults.fields();
            fields.put("benchmark", "queue");
            fields.put("toolkit", "glass GTK on X11 (" + x.describe() + "), -Dprism.order=sw, pulses at full speed");
            fields.put("scene", QueueTour.ROWS + " open tickets, scrolled 6 px a frame; intake " + QueueTour.ARRIVALS_PER_SECOND
                    + " tickets/s, each a whole reload");
            intake.forEach((k, v) -> fields.put("intake." + k, v));
            quiet.forEach((k, v) -> fields.put("quiet." + k, v));
            alerts.forEach((k, v) -> fields.put("alerts." + k, v));
            risk.forEach((k, v) -> fields.put("risk." + k, v));
            fields.put("ratioRiskToIntakeP99", (double) risk.get("p99Ns") / intake.get("p99Ns"));
            fields.put("ratioAlertsToIntakeP99", (double) alerts.get("p99Ns") / intake.get("p99Ns"));
            double ratio = (double) intake.get("p99Ns") / quiet.get("p99Ns");
            fields.put("ratioIntakeToQuietP99", ratio);
            fields.put("goal", "p99 < 16.7 ms with 20 tickets/s arriving");
            BenchResults.write("queue", fields);
            BenchResults.summary(String.format(Locale.ROOT,
                    "queue (%d s, %d rows, sw pipeline): with %.0f tickets/s arriving p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d of %d frames"
                            + " over 50 ms (a reload p50 %.2f ms, p99 %.2f ms); quiet baseline p50 %.1f ms, p99 %.1f ms; intake/quiet p99 %.2f×",
                    seconds, QueueTour.ROWS, QueueTour.ARRIVALS_PER_SECOND, intake.get("p50Ns") / 1e6, intake.get("p99Ns") / 1e6,
                    intake.get("maxNs") / 1e6, intake.get("over50msFrames"), intake.get("frames"), intake.get("reloadP50Ns") / 1e6,
                    intake.get("reloadP99Ns") / 1e6, quiet.get("p50Ns") / 1e6, quiet.get("p99Ns") / 1e6, ratio));
            BenchResults.summary(String.format(Locale.ROOT,
                    "queue with notifications (same run): p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d of %d frames over 50 ms;"
                            + " hand-off to the notifications p99 %.3f ms; alerts/intake p99 %.2f×",
                    alerts.get("p50Ns") / 1e6, alerts.get("p99Ns") / 1e6, alerts.get("maxNs") / 1e6, alerts.get("over50msFrames"),
                    alerts.get("frames"), alerts.get("handOffP99Ns") / 1e6, (double) alerts.get("p99Ns") / intake.get("p99Ns")));
            BenchResults.summary(String.format(Locale.ROOT,
                    "queue with learnt breach chances shown and in the risk-first order (same run): p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
                            + " %d of %d frames over 50 ms (a reload p50 %.2f ms, p99 %.2f ms); risk/intake p99 %.2f×",
                    risk.get("p50Ns") / 1e6, risk.get("p99Ns") / 1e6, risk.get("maxNs") / 1e6, risk.get("over50msFrames"), risk.get("frames"),
                    risk.get("reloadP50Ns") / 1e6, risk.get("reloadP99Ns") / 1e6, (double) risk.get("p99Ns") / intake.get("p99Ns")));
        }
    }

    private Map<String, Long> tour(XDisplay x, String variant) throws IOException, InterruptedException {
        return FxProcess.run(x, work, "queue-" + variant, "org.griddesk.bench.QueueTour$Main",
                List.of(variant, Integer.toString(seconds)), seconds + 120L);
    }
}
