package org.griddesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.griddesk.desk.alert.AlertRules;
import org.griddesk.desk.alert.DeskAlerts;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.QueueView;
import org.griddesk.desk.queue.QueueViewModel;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// The queue benchmark's scene, in its own JVM: the desk's real queue (view model and virtualised
/// list) with 10,000 open tickets in a 1920×1080 window, scrolled steadily for the whole run. In the
/// `intake` variant 20 new tickets a second arrive, each one a whole reload of the queue as the desk
/// does it (the rows read again, filtered, sorted, the pick kept); `quiet` scrolls the same queue with
/// nothing arriving: the baseline; `alerts` is `intake` with the desktop notifications on: each copy
/// of the queue is also handed to [DeskAlerts] as the desk hands it (their rules run on their own
/// thread; every tenth new ticket is urgent, so a ControlsFX notification shows every 10 s). Frame times are the gaps between pulses (pulses at full speed),
/// after a 5-second warm-up.
public final class QueueTour extends Application {
    static final int ROWS = 10_000;
    static final double ARRIVALS_PER_SECOND = 20;
    static final double WARM_UP_SECONDS = 5;
    private static String[] arguments;

    /// args: variant (intake|quiet|alerts|risk), seconds, report file
    public static final class Main {
        public static void main(String[] args) {
            arguments = args;
            Application.launch(QueueTour.class);
        }
    }

    private final List<Long> gaps = new ArrayList<>();
    private final List<Long> reloads = new ArrayList<>();
    /// what handing a copy of the queue to the notifications costs the thread that read it
    private final List<Long> handOffs = new ArrayList<>();
    private long last;
    private long start;
    private long nextArrival;

    @Override
    public void start(Stage stage) {
        boolean alerting = arguments[0].equals("alerts");
        boolean withChance = arguments[0].equals("risk");
        boolean intake = arguments[0].equals("intake") || alerting || withChance;
        DeskAlerts alerts = alerting ? new DeskAlerts(new AlertRules(ShiftSchedule.defaultSchedule()), new FxTaskExecutor(1),
                Messages.of(Language.ZH_CN, "i18n/timers"), false, Clock.systemUTC()).showingOver(stage, id -> { }) : null;
        if (alerts != null) {
            alerts.useScope(i -> true);
        }
        double seconds = Double.parseDouble(arguments[1]);
        Path report = Path.of(arguments[2]);
        Instant now = Instant.parse("2026-11-26T02:00:00Z");
        List<QueueItem> items = new ArrayList<>(rows(ROWS, now, withChance));
        QueueViewModel model = new QueueViewModel("XSG");
        QueueView view = new QueueView(model, Messages.of(Language.ZH_CN));
        model.show(List.copyOf(items), now);
        stage.setScene(new Scene(view, 1920, 1080, Color.BLACK));
        stage.show();
        ListView<?> list = (ListView<?>) view.lookup(".list-view");
        Random random = new Random(20);
        long period = (long) (1e9 / ARRIVALS_PER_SECOND);
        new AnimationTimer() {
            @Override
            public void handle(long pulse) {
                if (start == 0) {
                    start = pulse;
                    nextArrival = pulse;
                } else {
                    gaps.add(pulse - last);
                }
                last = pulse;
                double t = (pulse - start) / 1e9 - WARM_UP_SECONDS;
                if (t < 0) {
                    gaps.clear();
                    reloads.clear();
                    handOffs.clear();
                }
                if (t >= seconds) {
                    stop();
                    finish(report, arguments[0]);
                    return;
                }
                VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
                if (flow != null) {
                    // down and back up, steadily: a dispatcher reading through the queue
                    double phase = ((pulse - start) / 1e9) % 20;
                    flow.scrollPixels(phase < 10 ? 6 : -6);
                }
                while (intake && pulse >= nextArrival) {
                    nextArrival += period;
                    items.add(row(items.size() + 1, now, random, withChance));
                    long t0 = System.nanoTime();
                    List<QueueItem> copy = List.copyOf(items);
                    model.show(copy, now.plusMillis(items.size()));
                    reloads.add(System.nanoTime() - t0);
                    if (alerts != null) {
                        long t1 = System.nanoTime();
                        alerts.rowsRead(copy, Instant.now());
                        handOffs.add(System.nanoTime() - t1);
                    }
                }
            }
        }.start();
    }

    /// `withChance`: dispatched rows carry a learnt chance of missing their deadline (shown, and
    /// ordering them within their risk)
    static List<QueueItem> rows(int n, Instant now, boolean withChance) {
        Random random = new Random(10_000);
        List<QueueItem> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(row(i, now, random, withChance));
        }
        return out;
    }

    private static final String[] TEXTS = {"井盖缺失，夜间有行人跌倒风险", "小区门口路灯不亮好几天了", "垃圾桶满溢，气味很大",
        "商铺店外经营占道，影响通行", "楼道堆放杂物，存在消防隐患", "噪音扰民，晚上十点后仍在施工"};
    private static final String[] ITEMS = {"井盖缺失", "路灯不亮", "垃圾桶满溢", "店外经营", "楼道堆放杂物", "噪音扰民"};

    static QueueItem row(int i, Instant now, Random random, boolean withChance) {
        int kind = random.nextInt(TEXTS.length);
        QueueItem.Risk risk = QueueItem.Risk.values()[random.nextInt(QueueItem.Risk.values().length)];
        TicketState state = TicketState.values()[random.nextInt(8)];
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        return new QueueItem(i, String.format("2611-%05d", i), channel, state, TEXTS[kind] + "（兴新里社区第" + (i % 40 + 1) + "网格）",
                ITEMS[kind], "XSG-001-" + String.format("%02d", i % 40 + 1), "兴新里社区 · 第" + (i % 40 + 1) + "网格",
                i % 3 == 0 ? "JN" : "XSG", now.minusSeconds(i * 30L), risk == QueueItem.Risk.WAITING ? null
                        : now.plus(Duration.ofMinutes(random.nextInt(6000) - 1000)), risk, random.nextInt(10) == 0,
                random.nextInt(5) == 0 ? 1 : 0, random.nextInt(20) == 0 ? 1 : 0, 0, QueueItem.Work.NONE,
                withChance && (state == TicketState.DISPATCHED || state == TicketState.IN_PROGRESS) ? random.nextDouble() * 0.6 : Double.NaN);
    }

    private void finish(Path report, String variant) {
        long[] frames = gaps.stream().mapToLong(Long::longValue).toArray();
        long[] loads = reloads.stream().mapToLong(Long::longValue).toArray();
        long[] hands = handOffs.stream().mapToLong(Long::longValue).toArray();
        String json = String.format(Locale.ROOT,
                "{\"variant\":\"%s\",\"frames\":%d,\"p50Ns\":%d,\"p99Ns\":%d,\"maxNs\":%d,\"over50msFrames\":%d,"
                        + "\"reloads\":%d,\"reloadP50Ns\":%d,\"reloadP99Ns\":%d,\"handOffP99Ns\":%d}%n",
                variant, frames.length, BenchResults.percentile(frames, 50), BenchResults.percentile(frames, 99),
                BenchResults.percentile(frames, 100), Arrays.stream(frames).filter(f -> f > 50_000_000).count(),
                loads.length, loads.length == 0 ? 0 : BenchResults.percentile(loads, 50),
                loads.length == 0 ? 0 : BenchResults.percentile(loads, 99), hands.length == 0 ? 0 : BenchResults.percentile(hands, 99));
        try {
            Files.writeString(report, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Platform.exit();
    }
}
