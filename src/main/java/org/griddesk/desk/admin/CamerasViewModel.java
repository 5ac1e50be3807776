package org.griddesk.desk.admin;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.district.Camera;
import org.griddesk.security.CameraAdministration;
import org.griddesk.security.Session;
import org.griddesk.ui.TaskExecutor;

/// The system administrator's camera tab without its nodes: the cameras filtered by grid code or
/// camera code; a picked row fills the form, a new code adds a camera. The point is typed as
/// numbers; [CameraAdministration] checks it (6 decimals at most, within 100 m of its grid),
/// audits and records the change off the FX thread.
public final class CamerasViewModel implements ShowsOutcome {
    private final CameraAdministration administration;
    private final Supplier<Session> by;
    private final SecurityTexts texts;
    private final AdminOutcome outcome;

    // Properties
    private final ObservableList<Camera> cameras = FXCollections.observableArrayList();
    private final FilteredList<Camera> shown = new FilteredList<>(cameras);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Camera> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ObjectProperty<Camera.Kind> kind = new SimpleObjectProperty<>(this, "kind", Camera.Kind.HD);
    private final StringProperty lon = new SimpleStringProperty(this, "lon", "");
    private final StringProperty lat = new SimpleStringProperty(this, "lat", "");
    private final StringProperty grid = new SimpleStringProperty(this, "grid", "");
    private final StringExpression count;

    public CamerasViewModel(TaskExecutor executor, SecurityTexts texts, CameraAdministration administration, Supplier<Session> by) {
        this.administration = administration;
        this.by = by;
        this.texts = texts;
        this.outcome = new AdminOutcome(executor, () -> texts);
        this.count = Bindings.createStringBinding(() -> texts.get("admin.district.cameras.count", cameras.size(), shown.size()),
                cameras, shown);
        filter.addListener((obs, old, now) -> shown.setPredicate(c -> matches(c, now)));
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                code.set(now.code());
                kind.set(now.kind());
                lon.set(degrees(now.lon()));
                lat.set(degrees(now.lat()));
                grid.set(now.gridCode());
            }
        });
    }

    private static boolean matches(Camera camera, String filter) {
        String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        return f.isEmpty() || camera.gridCode().toLowerCase(Locale.ROOT).contains(f) || camera.code().toLowerCase(Locale.ROOT).contains(f);
    }

    /// A stored coordinate as typed: no exponent, no trailing zeros.
    static String degrees(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    // Commands

    public void refresh() {
        outcome.call(() -> administration.cameras(by.get()), cameras::setAll);
    }

    /// Adds the camera of the form, or changes the one with its code.
    public void save() {
        Double x = number(lon.get());
        Double y = number(lat.get());
        if (x == null || y == null) {
            outcome.refuse(texts.get("admin.district.cameras.badNumber"));
            return;
        }
        Camera camera = new Camera(code.get(), kind.get(), x, y, grid.get());
        outcome.call(() -> {
            administration.saveCamera(by.get(), camera);
            return administration.cameras(by.get());
        }, list -> {
            cameras.setAll(list);
            String saved = camera.code() == null ? "" : camera.code().strip();
            selected.set(list.stream().filter(c -> c.code().equals(saved)).findFirst().orElse(null));
            outcome.done(texts.get("admin.district.cameras.saved", saved));
        });
    }

    private static Double number(String text) {
        try {
            return text == null ? null : Double.valueOf(new BigDecimal(text.strip()).doubleValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public ObservableList<Camera> cameras() {
        return shown;
    }

    public StringExpression countText() {
        return count;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Camera> selectedProperty() {
        return selected;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ObjectProperty<Camera.Kind> kindProperty() {
        return kind;
    }

    public StringProperty lonProperty() {
        return lon;
    }

    public StringProperty latProperty() {
        return lat;
    }

    public StringProperty gridProperty() {
        return grid;
    }

    @Override
    public AdminOutcome outcome() {
        return outcome;
    }
}
