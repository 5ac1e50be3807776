package org.griddesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import javafx.stage.Stage;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.geo.Region;
import org.griddesk.map.ColourMode;
import org.griddesk.map.GridFacts;
import org.griddesk.map.MapModel;
import org.griddesk.map.MapView;
import org.griddesk.map.TicketMarker;
import org.griddesk.map.Viewport;
import org.griddesk.map.WebMercator;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// The map benchmark's scene, run in its own JVM: the demo district's 1574 grids, all its cameras
/// and 5,000 open-ticket markers in a window, flown through a scripted 30-second tour of pans and
/// zooms. Frame times are the gaps between JavaFX pulses (an `AnimationTimer`, pulses at full
/// speed), so they include layout, drawing and the renderer — not our draw call alone. A first
/// pass through the tour in 5 seconds warms the JIT up and is not measured.
///
/// `griddesk` is our map control; `naive` is the same scene built the obvious way: one `Polygon`
/// node per grid and one node per camera and marker, moved by a transform; `image` only moves one
/// full-screen image (the pipeline's floor).
public final class MapTour extends Application {
    static final int MARKERS = 5000;
    static final double WARM_UP_SECONDS = 5;
    private static String[] arguments;

    /// args: variant (griddesk|naive), width, height, seconds, report file
    public static final class Main {
        public static void main(String[] args) {
            arguments = args;
            Application.launch(MapTour.class);
        }
    }

    private final List<Long> gaps = new ArrayList<>();
    private long last;
    private long start;

    @Override
    public void start(Stage stage) throws Exception {
        String variant = arguments[0];
        double width = Double.parseDouble(arguments[1]);
        double height = Double.parseDouble(arguments[2]);
        double seconds = Double.parseDouble(arguments[3]);
        Path report = Path.of(arguments[4]);

        DemoDistrictData data = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        List<TicketMarker> markers = markers(data.map().grids());
        Map<String, GridFacts> facts = new HashMap<>();
        markers.forEach(m -> facts.merge(m.gridCode(), new GridFacts("", 0, 0, 0, 0, 0, 1,
                m.urgency() == TicketMarker.Urgency.OVERDUE ? 1 : 0), (a, b) -> new GridFacts("", 0, 0, 0, 0, 0,
                a.openTickets() + b.openTickets(), a.overdueTickets() + b.overdueTickets())));
        MapModel model = MapModel.of(data.map(), facts, data.cameras(), markers);
        Viewport home = Viewport.fitting(model.lonLatBox(), width, height, 24);

        Tour tour;
        Parent root;
        if (variant.equals("griddesk")) {
            MapView map = new MapView(Messages.of(Language.ZH_CN), "Noto Sans CJK SC");
            map.modelProperty().set(model);
            map.colourModeProperty().set(ColourMode.LOAD);
            map.allCamerasProperty().set(true);
            map.viewportProperty().set(home);
            root = map;
            tour = map.viewportProperty()::set;
        } else if (variant.equals("image")) {
            Canvas canvas = new Canvas(width, height);
            WritableImage image = new WritableImage((int) width, (int) height);
            for (int y = 0; y < (int) height; y++) {
                for (int x = 0; x < (int) width; x++) {
                    image.getPixelWriter().setArgb(x, y, 0xff000000 | ((x * 7) & 0xff) << 16 | ((y * 3) & 0xff) << 8);
                }
            }
            root = new Pane(canvas);
            tour = v -> {
                var gc = canvas.getGraphicsContext2D();
                gc.setFill(Color.BLACK);
                gc.fillRect(0, 0, width, height);
                gc.drawImage(image, v.screenX(home.centreX()) - width / 2, v.screenY(home.centreY()) - height / 2);
            };
        } else {
            NaiveMap naive = new NaiveMap(data, markers, home);
            root = naive.pane;
            tour = naive::show;
        }
        stage.setScene(new Scene(root, width, height, Color.BLACK));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (start == 0) {
                    start = now;
                } else {
                    gaps.add(now - last);
                }
                last = now;
                double t = (now - start) / 1e9 - WARM_UP_SECONDS;
                if (t < 0) {
                    // warm-up (not measured): the JIT compiles the drawing code, fonts and caches fill
                    gaps.clear();
                    tour.show(position(home, (t + WARM_UP_SECONDS) / WARM_UP_SECONDS));
                    return;
                }
                if (t >= seconds) {
                    stop();
                    finish(report, variant, width, height, model, home);
                    return;
                }
                tour.show(position(home, t / seconds));
            }
        }.start();
    }

    /// Where the tour is at `f` (0–1) of its time: a pan across the district, a zoom into the
    /// centre town, a drive round it, back out and a last sweep.
    static Viewport position(Viewport home, double f) {
        double w = home.width();
        double h = home.height();
        if (f < 0.2) {
            double s = f / 0.2;
            return home.pannedBy(Math.sin(s * 2 * Math.PI) * w * 0.3, Math.sin(s * 4 * Math.PI) * h * 0.15);
        }
        if (f < 0.45) {
            double s = (f - 0.2) / 0.25;
            return home.zoomedAbout(4 * s, w * 0.45, h * 0.5);
        }
        if (f < 0.7) {
            double s = (f - 0.45) / 0.25;
            Viewport in = home.zoomedAbout(4, w * 0.45, h * 0.5);
            return in.pannedBy(Math.sin(s * 2 * Math.PI) * w * 0.8, Math.cos(s * 2 * Math.PI) * h * 0.8 - h * 0.8);
        }
        if (f < 0.9) {
            double s = (f - 0.7) / 0.2;
            return home.zoomedAbout(4 * (1 - s), w * 0.45, h * 0.5);
        }
        double s = (f - 0.9) / 0.1;
        return home.zoomedAbout(1.5 * Math.sin(s * Math.PI), w * 0.6, h * 0.4);
    }

    /// 5,000 open tickets spread over the grids, more in the busy ones, with the urgencies a shift sees.
    static List<TicketMarker> markers(List<Region> grids) {
        Random random = new Random(5000);
        List<TicketMarker> markers = new ArrayList<>(MARKERS);
        Channel[] channels = Channel.values();
        TicketMarker.Urgency[] urgencies = TicketMarker.Urgency.values();
        for (int i = 0; i < MARKERS; i++) {
            Region grid = grids.get((int) (grids.size() * Math.pow(random.nextDouble(), 1.6)));
            markers.add(new TicketMarker(i + 1, String.format("2611-%04d", i + 1), grid.code(),
                    channels[random.nextInt(channels.length)], urgencies[random.nextInt(urgencies.length)]));
        }
        return markers;
    }

    private void finish(Path report, String variant, double width, double height, MapModel model, Viewport home) {
        long[] frames = gaps.stream().mapToLong(Long::longValue).toArray();
        // hit tests under the cursor, as the map does them on hover and on a drop
        Random random = new Random(11);
        long[] hits = new long[100_000];
        for (int i = 0; i < hits.length; i++) {
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * height;
            long t0 = System.nanoTime();
            model.gridAt(home.lon(x), home.lat(y));
            hits[i] = System.nanoTime() - t0;
        }
        String json = String.format(Locale.ROOT,
                "{\"variant\":\"%s\",\"width\":%d,\"height\":%d,\"frames\":%d,\"p50Ns\":%d,\"p99Ns\":%d,\"maxNs\":%d,"
                        + "\"over50msFrames\":%d,\"hitP50Ns\":%d,\"hitP99Ns\":%d}%n",
                variant, (int) width, (int) height, frames.length, BenchResults.percentile(frames, 50),
                BenchResults.percentile(frames, 99), BenchResults.percentile(frames, 100),
                Arrays.stream(frames).filter(f -> f > 50_000_000).count(),
                BenchResults.percentile(hits, 50), BenchResults.percentile(hits, 99));
        try {
            Files.writeString(report, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Platform.exit();
    }

    /// Moves the view.
    @FunctionalInterface
    interface Tour {
        void show(Viewport view);
    }

    /// The baseline: a node per grid, camera and marker, drawn in the home view's pixels and moved
    /// and scaled by one transform.
    static final class NaiveMap {
        final Pane pane = new Pane();
        private final Group world = new Group();
        private final Affine transform = new Affine();
        private final Viewport home;

        NaiveMap(DemoDistrictData data, List<TicketMarker> markers, Viewport home) {
            this.home = home;
            Map<String, double[]> labelPoint = new HashMap<>();
            for (Region grid : data.map().grids()) {
                var ring = grid.mainPart().getExteriorRing().getCoordinates();
                double[] points = new double[2 * (ring.length - 1)];
                for (int i = 0; i < ring.length - 1; i++) {
                    points[2 * i] = home.screenX(WebMercator.x(ring[i].x));
                    points[2 * i + 1] = home.screenY(WebMercator.y(ring[i].y));
                }
                Polygon p = new Polygon(points);
                p.setFill(ColourMode.areaColour(grid.code().hashCode()).deriveColor(0, 1, 1, 0.4));
                p.setStroke(Color.web("#484f58"));
                world.getChildren().add(p);
                var inside = grid.mainPart().getInteriorPoint();
                labelPoint.put(grid.code(), new double[] {home.screenX(WebMercator.x(inside.getX())),
                    home.screenY(WebMercator.y(inside.getY()))});
            }
            for (Camera c : data.cameras()) {
                world.getChildren().add(new Rectangle(home.screenX(WebMercator.x(c.lon())) - 1,
                        home.screenY(WebMercator.y(c.lat())) - 1, 2, 2));
            }
            Random random = new Random(1);
            for (TicketMarker m : markers) {
                double[] at = labelPoint.get(m.gridCode());
                Circle dot = new Circle(at[0] + random.nextGaussian() * 3, at[1] + random.nextGaussian() * 3, 2.5, Color.ORANGERED);
                world.getChildren().add(dot);
            }
            world.getTransforms().add(transform);
            pane.getChildren().add(world);
        }

        void show(Viewport view) {
            double k = view.scale() / home.scale();
            // a home-view pixel p lands at (p - home centre px) * k + view centre px
            double tx = view.screenX(home.worldX(0));
            double ty = view.screenY(home.worldY(0));
            transform.setToTransform(k, 0, tx, 0, k, ty);
        }
    }
}
