package org.griddesk.map;

import java.nio.IntBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.griddesk.domain.district.Camera;
import org.griddesk.ui.Messages;
import org.slf4j.LoggerFactory;

/// The district map: a canvas with the regions coloured by the chosen mode, a legend, a grid
/// search box and a tooltip. Drag to pan, wheel or +/- to zoom about the cursor, arrows to move,
/// Home or 0 to fit the district, double-click to zoom in; hover names a grid, a click selects it.
///
/// The map draws at most once per pulse, and only after something changed. Building the
/// [MapModel] is the caller's work, off the FX thread.
public final class MapView extends Region {
    private static final double PAN_STEP = 120;
    private static final double DRAG_THRESHOLD = 4;
    private static final double FIT_PADDING = 24;
    /// the value of [#selectedTicketProperty()] when no ticket is selected
    public static final long NO_TICKET = -1;
    /// what a dragged ticket carries: its id (the queue puts it on the dragboard)
    public static final DataFormat TICKET = new DataFormat("application/x-griddesk-ticket");

    private final Canvas canvas = new Canvas();
    private final Label tooltip = new Label();
    private final MapLegend legend;
    private final TextField search = new TextField();
    private final MapPainter painter = new MapPainter();
    private final MapRaster raster;
    private final ExecutorService renderer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("griddesk:map-raster").daemon().factory());
    private MapPainter.Shown shown;
    private TileLayer tiles;
    private MapRaster.Request rendering;
    /// while the view moves, a raster of a nearby zoom is scaled; a sharp one is drawn once it rests this long
    private static final Duration SETTLE = Duration.millis(150);
    private static final double MOVING_ZOOM_SLACK = 0.75;
    /// a raster drawn while the view moves has half the pixels per side: four times quicker
    private static final double MOVING_RESOLUTION = 0.5;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private long lastMove;

    private final ObjectProperty<MapModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ObjectProperty<ColourMode> colourMode = new SimpleObjectProperty<>(this, "colourMode", ColourMode.AREA);
    private final ObjectProperty<Choropleth> choropleth = new SimpleObjectProperty<>(this, "choropleth");
    private final ObjectProperty<org.griddesk.geo.Region> selectedGrid = new SimpleObjectProperty<>(this, "selectedGrid");
    private final ReadOnlyObjectWrapper<org.griddesk.geo.Region> hoveredGrid = new ReadOnlyObjectWrapper<>(this, "hoveredGrid");
    private final LongProperty selectedTicket = new SimpleLongProperty(this, "selectedTicket", NO_TICKET);
    private final BooleanProperty allCameras = new SimpleBooleanProperty(this, "allCameras", false);
    private final ObjectProperty<Camera> selectedCamera = new SimpleObjectProperty<>(this, "selectedCamera");
    /// how near a click must be to a camera's square to open it, in pixels
    private static final double CAMERA_HIT = 7;
    private final ObjectProperty<BiFunction<Long, org.griddesk.geo.Region, DropHint>> dropHint =
            new SimpleObjectProperty<>(this, "dropHint");
    private final ObjectProperty<BiConsumer<Long, org.griddesk.geo.Region>> onTicketDropped =
            new SimpleObjectProperty<>(this, "onTicketDropped");

    private Messages messages;
    private MapStyle style = MapStyle.DARK;
    private boolean dirty = true;
    private boolean fitPending = true;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;
    /// a one-shot point pick under way: the next click hands its point here instead of selecting
    private BiConsumer<Double, Double> pointPick;
    private final BooleanProperty pickingPoint = new SimpleBooleanProperty(this, "pickingPoint", false);

    public MapView(Messages messages, String fontFamily) {
        this.messages = messages;
        this.raster = new MapRaster(fontFamily);
        this.legend = new MapLegend(messages, colourMode, allCameras, choropleth);
        getStyleClass().add("map-view");
        setFocusTraversable(true);
        setMinSize(200, 150);
        tooltip.getStyleClass().add("map-tooltip");
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        tooltip.setManaged(false);
        search.getStyleClass().add("map-search");
        search.setPromptText(messages.get("map.search.prompt"));
        search.setOnAction(e -> findGrid(search.getText()));
        search.setPrefColumnCount(16);
        getChildren().addAll(canvas, legend, search, tooltip);

        model.addListener((obs, old, now) -> {
            legend.setModel(now);
            if (old == null) {
                fitPending = true;
            }
            redraw();
        });
        viewport.addListener((obs, old, now) -> {
            lastMove = System.nanoTime();
            settle.playFromStart();
            redraw();
        });
        settle.setOnFinished(e -> redraw());
        colourMode.addListener((obs, old, now) -> redraw());
        choropleth.addListener((obs, old, now) -> redraw());
        selectedGrid.addListener((obs, old, now) -> redraw());
        hoveredGrid.addListener((obs, old, now) -> redraw());
        selectedTicket.addListener((obs, old, now) -> redraw());
        allCameras.addListener((obs, old, now) -> redraw());

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, -1));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(DragEvent.DRAG_OVER, e -> {
            Object id = e.getDragboard().getContent(TICKET);
            hover(e.getX(), e.getY());
            if (id instanceof Number n && acceptsTicketAt(e.getX(), e.getY())) {
                var hint = dropHint.get();
                DropHint verdict = hint == null ? null : hint.apply(n.longValue(), gridAt(e.getX(), e.getY()).orElseThrow());
                if (verdict == null || verdict.ok()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                if (verdict != null) {
                    tooltip.setText((verdict.ok() ? "⤵ " : "✕ ") + verdict.text());
                    showTooltipAt(e.getX(), e.getY());
                }
            }
            e.consume();
        });
        addEventHandler(DragEvent.DRAG_EXITED, e -> hover(-1, -1));
        addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Object id = e.getDragboard().getContent(TICKET);
            e.setDropCompleted(id instanceof Number n && dropTicket(n.longValue(), e.getX(), e.getY()));
            e.consume();
        });
    }

    // Properties

    public ObjectProperty<MapModel> modelProperty() {
        return model;
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public ObjectProperty<ColourMode> colourModeProperty() {
        return colourMode;
    }

    /// A figure per region shown in place of the colour mode (null: the colour mode), with its own legend.
    public ObjectProperty<Choropleth> choroplethProperty() {
        return choropleth;
    }

    public ObjectProperty<org.griddesk.geo.Region> selectedGridProperty() {
        return selectedGrid;
    }

    public ReadOnlyObjectProperty<org.griddesk.geo.Region> hoveredGridProperty() {
        return hoveredGrid.getReadOnlyProperty();
    }

    /// The ticket whose marker was clicked ([#NO_TICKET] when none); the desk selects it in its queue.
    public LongProperty selectedTicketProperty() {
        return selectedTicket;
    }

    /// What happens when a ticket is dropped on a grid (the desk dispatches it there).
    public ObjectProperty<BiConsumer<Long, org.griddesk.geo.Region>> onTicketDroppedProperty() {
        return onTicketDropped;
    }

    /// What the desk says about dropping a ticket on a grid while it is dragged over it: whether it
    /// may be dropped, and what would happen (or why not), shown at the cursor.
    public record DropHint(boolean ok, String text) {
    }

    /// The desk's verdict on a drop of ticket `id` on a grid (null: any grid accepts it silently).
    public ObjectProperty<BiFunction<Long, org.griddesk.geo.Region, DropHint>> dropHintProperty() {
        return dropHint;
    }

    /// Whether a ticket dragged to this point of the view may be dropped: over a grid, and only
    /// when someone listens. Exact to the grid's polygon, as cheap as a hover.
    public boolean acceptsTicketAt(double x, double y) {
        return onTicketDropped.get() != null && gridAt(x, y).isPresent();
    }

    /// Drops ticket `id` at a point of the view; false (nothing happens) outside every grid.
    public boolean dropTicket(long id, double x, double y) {
        var grid = gridAt(x, y);
        var handler = onTicketDropped.get();
        if (grid.isEmpty() || handler == null) {
            return false;
        }
        var hint = dropHint.get();
        if (hint != null && !hint.apply(id, grid.get()).ok()) {
            return false;
        }
        handler.accept(id, grid.get());
        return true;
    }

    /// The camera last clicked (set again to the same camera, a click opens it again: listen for
    /// changes and clear it once its card is shown).
    public ObjectProperty<Camera> selectedCameraProperty() {
        return selectedCamera;
    }

    /// The camera drawn at screen point (`x`, `y`), when cameras are drawn (zoomed in, or all cameras shown).
    public Optional<Camera> cameraAt(double x, double y) {
        Viewport v = viewport.get();
        MapModel m = model.get();
        if (v == null || m == null || v.zoom() < MapRaster.CAMERA_ZOOM && !allCameras.get()) {
            return Optional.empty();
        }
        return m.cameras().near(v.worldX(x), v.worldY(y), CAMERA_HIT / v.scale());
    }

    /// Cameras at every zoom (normally only when zoomed in).
    public BooleanProperty allCamerasProperty() {
        return allCameras;
    }

    // Commands

    /// Switches texts to another language.
    public void useMessages(Messages newMessages) {
        messages = newMessages;
        search.setPromptText(messages.get("map.search.prompt"));
        legend.useMessages(newMessages);
        hover(-1, -1);
    }

    /// Dark (the wall and desk default) or light colours.
    public void useDarkColours(boolean dark) {
        style = dark ? MapStyle.DARK : MapStyle.LIGHT;
        redraw();
    }

    /// Shows base map tiles under the district, from `sources` (drawn in order) through `cache`;
    /// an empty list goes back to the plain vector map.
    public void useTiles(List<TileSource> sources, TileCache cache) {
        if (tiles != null) {
            tiles.close();
        }
        tiles = sources.isEmpty() ? null : new TileLayer(sources, cache, this::redraw);
        redraw();
    }

    /// Picks one point: the next click on the map (a drag still pans) hands its longitude and
    /// latitude to `picked` instead of selecting anything; Esc on the map or [#cancelPointPick] ends
    /// it without a point. The cursor is a crosshair meanwhile. A new pick replaces one under way.
    public void pickPoint(BiConsumer<Double, Double> picked) {
        pointPick = picked;
        pickingPoint.set(picked != null);
        setCursor(picked == null ? null : Cursor.CROSSHAIR);
    }

    /// Ends a point pick under way without a point.
    public void cancelPointPick() {
        endPointPick();
    }

    /// Whether a point pick is under way.
    public ReadOnlyBooleanProperty pickingPointProperty() {
        return pickingPoint;
    }

    private void endPointPick() {
        pointPick = null;
        pickingPoint.set(false);
        setCursor(null);
    }

    /// Shows the whole district.
    public void fitDistrict() {
        MapModel m = model.get();
        if (m != null && getWidth() > 0 && getHeight() > 0) {
            viewport.set(Viewport.fitting(m.lonLatBox(), getWidth(), getHeight(), FIT_PADDING));
            fitPending = false;
        }
    }

    /// The grid under a point of the view, exactly (what a drop on the map lands on).
    public Optional<org.griddesk.geo.Region> gridAt(double x, double y) {
        MapModel m = model.get();
        Viewport v = viewport.get();
        if (m == null || v == null) {
            return Optional.empty();
        }
        return m.gridAt(v.lon(x), v.lat(y));
    }

    /// Brings the best match for a camera's code, or a community's or grid's code or name
    /// ([MapModel#search]) into view; a grid is selected too.
    public boolean findGrid(String text) {
        MapModel m = model.get();
        if (m == null) {
            return false;
        }
        Optional<Camera> camera = m.cameras().byCode(text.strip());
        if (camera.isPresent()) { // a camera's code: shown up close, and its card opened
            search.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), false);
            viewport.set(new Viewport(WebMercator.x(camera.get().lon()), WebMercator.y(camera.get().lat()), 16, getWidth(), getHeight()));
            selectedCamera.set(camera.get());
            return true;
        }
        var found = m.search(text, 1);
        if (found.isEmpty()) {
            search.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), true);
            return false;
        }
        search.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), false);
        org.griddesk.geo.Region place = found.getFirst();
        selectedGrid.set(place.level() == org.griddesk.geo.RegionLevel.GRID ? place : null);
        var box = place.shape().getEnvelopeInternal();
        Viewport fitted = Viewport.fitting(box, getWidth(), getHeight(), Math.min(getWidth(), getHeight()) / 3);
        viewport.set(fitted);
        return true;
    }

    // Drawing

    private void redraw() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            Viewport v = viewport.get();
            if (v != null) {
                viewport.set(v.resized(w, h));
            }
            dirty = true;
        }
        if (fitPending && model.get() != null && w > 0 && h > 0) {
            fitDistrict();
        }
        legend.autosize();
        legend.relocate(12, h - legend.getHeight() - 12);
        search.autosize();
        search.relocate(12, 12);
        tooltip.autosize();
        Viewport v = viewport.get();
        if (dirty && v != null) {
            dirty = false;
            painter.paint(canvas.getGraphicsContext2D(), v, style, tiles, shown, model.get(), code(hoveredGrid.get()),
                    code(selectedGrid.get()));
            if (model.get() != null) {
                boolean moving = System.nanoTime() - lastMove < SETTLE.toMillis() * 1_000_000;
                MapRaster.Request wanted = new MapRaster.Request(model.get(), v, colourMode.get(), choropleth.get(), style, allCameras.get(),
                        selectedTicket.get(), moving ? MOVING_RESOLUTION : 1, tiles != null);
                if (!covers(shown, wanted, moving ? MOVING_ZOOM_SLACK : 1e-6)) {
                    render(wanted);
                }
            }
        }
    }

    /// Whether a raster already shows what `wanted` asks: same content, a zoom within `zoomSlack`
    /// of it, and the whole view inside it.
    private static boolean covers(MapPainter.Shown shown, MapRaster.Request wanted, double zoomSlack) {
        if (shown == null) {
            return false;
        }
        MapRaster.Request had = shown.raster().request();
        boolean sameContent = had.model() == wanted.model() && had.mode() == wanted.mode()
                && had.choropleth() == wanted.choropleth() && had.style() == wanted.style()
                && had.allCameras() == wanted.allCameras() && had.selectedTicket() == wanted.selectedTicket()
                && had.overTiles() == wanted.overTiles();
        Viewport v = wanted.view();
        boolean sharpEnough = had.resolution() >= wanted.resolution();
        return sameContent && sharpEnough && Math.abs(had.view().zoom() - v.zoom()) < zoomSlack
                && shown.raster().view().visibleWorld().contains(v.visibleWorld());
    }

    /// Draws `request` on the raster thread, unless one is being drawn: when that one arrives, the
    /// next pulse asks again for whatever the view then needs.
    private void render(MapRaster.Request request) {
        if (rendering != null) {
            return;
        }
        rendering = request;
        renderer.submit(() -> {
            MapRaster.Raster done;
            try {
                done = raster.render(request);
            } catch (RuntimeException | Error e) {
                LoggerFactory.getLogger(MapView.class).error("cannot draw the map", e);
                Platform.runLater(() -> rendering = null);
                return;
            }
            var image = new WritableImage(new PixelBuffer<>(done.width(), done.height(),
                    IntBuffer.wrap(done.pixels()), PixelFormat.getIntArgbPreInstance()));
            Platform.runLater(() -> {
                shown = new MapPainter.Shown(done, image);
                rendering = null;
                redraw(); // the next pulse draws the new raster, and asks again if the view moved on meanwhile
            });
        });
    }

    private static String code(org.griddesk.geo.Region r) {
        return r == null ? null : r.code();
    }

    // Input

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragging = false;
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || viewport.get() == null) {
            return;
        }
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) > DRAG_THRESHOLD) {
            dragging = true;
            tooltip.setVisible(false);
        }
        if (dragging) {
            viewport.set(viewport.get().pannedBy(e.getX() - lastX, e.getY() - lastY));
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void released(MouseEvent e) {
        if (dragging || e.getButton() != MouseButton.PRIMARY || viewport.get() == null) {
            dragging = false;
            return;
        }
        if (pointPick != null) {
            BiConsumer<Double, Double> picked = pointPick;
            endPointPick();
            picked.accept(viewport.get().lon(e.getX()), viewport.get().lat(e.getY()));
            return;
        }
        var marker = MapPainter.markerAt(shown, viewport.get(), e.getX(), e.getY());
        if (e.getClickCount() == 2) {
            viewport.set(viewport.get().zoomedAbout(1, e.getX(), e.getY()));
        } else if (marker.isPresent() && marker.get().tickets().size() > 1) {
            viewport.set(viewport.get().zoomedAbout(2, marker.get().x(), marker.get().y())); // open the cluster
        } else if (marker.isPresent()) {
            selectedTicket.set(marker.get().tickets().getFirst().ticketId());
        } else if (cameraAt(e.getX(), e.getY()).isPresent()) {
            selectedCamera.set(cameraAt(e.getX(), e.getY()).get());
        } else {
            selectedGrid.set(gridAt(e.getX(), e.getY()).orElse(null));
        }
    }

    private void scrolled(ScrollEvent e) {
        if (viewport.get() == null || e.getDeltaY() == 0) {
            return;
        }
        double steps = Math.max(-1, Math.min(1, e.getDeltaY() / 80)); // one wheel notch: half a zoom level
        viewport.set(viewport.get().zoomedAbout(steps, e.getX(), e.getY()));
        hover(e.getX(), e.getY());
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        Viewport v = viewport.get();
        if (v == null || e.getTarget() == search) {
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE && pointPick != null) {
            endPointPick();
            e.consume();
            return;
        }
        Viewport next = switch (e.getCode()) {
            case LEFT -> v.pannedBy(PAN_STEP, 0);
            case RIGHT -> v.pannedBy(-PAN_STEP, 0);
            case UP -> v.pannedBy(0, PAN_STEP);
            case DOWN -> v.pannedBy(0, -PAN_STEP);
            case PLUS, EQUALS, ADD -> v.zoomedAbout(1, v.width() / 2, v.height() / 2);
            case MINUS, SUBTRACT -> v.zoomedAbout(-1, v.width() / 2, v.height() / 2);
            default -> null;
        };
        if (e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0) {
            fitDistrict();
            e.consume();
        } else if (next != null) {
            viewport.set(next);
            e.consume();
        }
    }

    private void hover(double x, double y) {
        var marker = x < 0 || viewport.get() == null ? Optional.<MapRaster.Drawn>empty()
                : MapPainter.markerAt(shown, viewport.get(), x, y);
        if (marker.isPresent()) {
            var tickets = marker.get().tickets();
            tooltip.setText(tickets.size() == 1
                    ? messages.get("map.tooltip.ticket", tickets.getFirst().code(),
                            messages.get("map.urgency." + tickets.getFirst().urgency().name().toLowerCase(Locale.ROOT)))
                    : messages.get("map.tooltip.cluster", tickets.size()));
            showTooltipAt(x, y);
            return;
        }
        Optional<org.griddesk.geo.Region> grid = x < 0 ? Optional.empty() : gridAt(x, y);
        hoveredGrid.set(grid.orElse(null));
        if (grid.isEmpty()) {
            tooltip.setVisible(false);
            return;
        }
        MapModel m = model.get();
        org.griddesk.geo.Region g = grid.get();
        GridFacts facts = m.facts(g.code());
        String community = m.region(g.parentCode()).map(org.griddesk.geo.Region::name).orElse("");
        tooltip.setText(messages.get("map.tooltip", g.code(), g.name(), community, facts.workerName(), facts.openTickets(),
                facts.overdueTickets()));
        showTooltipAt(x, y);
    }

    private void showTooltipAt(double x, double y) {
        tooltip.autosize();
        double tx = x + 16 + tooltip.getWidth() > getWidth() ? x - 12 - tooltip.getWidth() : x + 16;
        double ty = y + 16 + tooltip.getHeight() > getHeight() ? y - 12 - tooltip.getHeight() : y + 16;
        tooltip.relocate(Math.max(0, tx), Math.max(0, ty));
        tooltip.setVisible(true);
    }
}
