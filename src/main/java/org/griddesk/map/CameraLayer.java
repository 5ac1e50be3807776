package org.griddesk.map;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.griddesk.domain.district.Camera;

/// The district's cameras in world units, sorted west to east so that a view draws only the slice
/// it shows.
final class CameraLayer {
    private final double[] x;
    private final double[] y;
    private final Camera.Kind[] kind;
    private final List<Camera> cameras;

    private CameraLayer(double[] x, double[] y, Camera.Kind[] kind, List<Camera> cameras) {
        this.x = x;
        this.y = y;
        this.kind = kind;
        this.cameras = cameras;
    }

    static CameraLayer of(List<Camera> cameras) {
        List<Camera> sorted = cameras.stream().sorted(Comparator.comparingDouble(Camera::lon)).toList();
        double[] x = new double[sorted.size()];
        double[] y = new double[sorted.size()];
        Camera.Kind[] kind = new Camera.Kind[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            x[i] = WebMercator.x(sorted.get(i).lon());
            y[i] = WebMercator.y(sorted.get(i).lat());
            kind[i] = sorted.get(i).kind();
        }
        return new CameraLayer(x, y, kind, sorted);
    }

    int size() {
        return x.length;
    }

    /// The first camera at or east of world x `from`.
    int firstFrom(double from) {
        int i = Arrays.binarySearch(x, from);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && x[i - 1] == from) {
            i--;
        }
        return i;
    }

    double x(int i) {
        return x[i];
    }

    double y(int i) {
        return y[i];
    }

    Camera.Kind kind(int i) {
        return kind[i];
    }

    /// The camera of this code, if the district has it.
    Optional<Camera> byCode(String code) {
        return cameras.stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
    }

    Camera camera(int i) {
        return cameras.get(i);
    }

    /// The camera nearest to world point (`wx`, `wy`) within `radius` world units, if any.
    Optional<Camera> near(double wx, double wy, double radius) {
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = firstFrom(wx - radius); i < x.length && x[i] <= wx + radius; i++) {
            double d = (x[i] - wx) * (x[i] - wx) + (y[i] - wy) * (y[i] - wy);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(cameras.get(best));
    }
}
