package org.griddesk.patrol;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/// A track's points in time order, kept as columns of numbers rather than an object a point: a
/// town's working day is over a million points and the desk reads the day again every 30 s, so
/// objects would be millions of small allocations for the collector to copy, each time.
/// Immutable once built; [#asList] shows the points as [PatrolPoint]s, made as they are asked for.
public final class TrackPoints {
    private static final TrackPoints EMPTY = new TrackPoints(new long[0], new double[0], new double[0], new int[0]);

    private final long[] seconds;
    private final double[] lon;
    private final double[] lat;
    private final int[] accuracy;

    private TrackPoints(long[] seconds, double[] lon, double[] lat, int[] accuracy) {
        this.seconds = seconds;
        this.lon = lon;
        this.lat = lat;
        this.accuracy = accuracy;
    }

    /// The points, which must be in time order (as a track's are).
    public static TrackPoints of(List<PatrolPoint> points) {
        Builder b = new Builder(points.size());
        points.forEach(p -> b.add(p.at().getEpochSecond(), p.lon(), p.lat(), p.accuracyMetres()));
        return b.build();
    }

    public int size() {
        return seconds.length;
    }

    /// When point `i` was taken, in seconds since 1970.
    public long epochSecond(int i) {
        return seconds[i];
    }

    public double lon(int i) {
        return lon[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    public PatrolPoint point(int i) {
        return new PatrolPoint(Instant.ofEpochSecond(seconds[i]), lon[i], lat[i], accuracy[i]);
    }

    /// Equal when the points are (so two tracks of the same points are equal, as records of points were).
    @Override
    public boolean equals(Object o) {
        return o instanceof TrackPoints t && Arrays.equals(seconds, t.seconds) && Arrays.equals(lon, t.lon) && Arrays.equals(lat, t.lat)
                && Arrays.equals(accuracy, t.accuracy);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(seconds) + Arrays.hashCode(lon) ^ Arrays.hashCode(lat);
    }

    /// The points as a list, each made when asked for.
    public List<PatrolPoint> asList() {
        return new Points();
    }

    private final class Points extends AbstractList<PatrolPoint> implements RandomAccess {
        @Override
        public PatrolPoint get(int index) {
            return point(index);
        }

        @Override
        public int size() {
            return seconds.length;
        }
    }

    /// Points added in any order; [#build] puts them in time order (points of one time keep the
    /// order they came in).
    public static final class Builder {
        private long[] seconds;
        private double[] lon;
        private double[] lat;
        private int[] accuracy;
        private int size;
        private boolean inOrder = true;

        public Builder(int expected) {
            int capacity = Math.max(16, expected);
            seconds = new long[capacity];
            lon = new double[capacity];
            lat = new double[capacity];
            accuracy = new int[capacity];
        }

        public void add(long epochSecond, double lon, double lat, int accuracyMetres) {
            if (size == seconds.length) {
                int capacity = size + (size >> 1) + 16;
                seconds = Arrays.copyOf(seconds, capacity);
                this.lon = Arrays.copyOf(this.lon, capacity);
                this.lat = Arrays.copyOf(this.lat, capacity);
                accuracy = Arrays.copyOf(accuracy, capacity);
            }
            if (size > 0 && epochSecond < seconds[size - 1]) {
                inOrder = false;
            }
            seconds[size] = epochSecond;
            this.lon[size] = lon;
            this.lat[size] = lat;
            accuracy[size] = accuracyMetres;
            size++;
        }

        /// The points; the builder is not to be used after.
        public TrackPoints build() {
            if (size == 0) {
                return EMPTY;
            }
            if (inOrder) {
                return size == seconds.length ? new TrackPoints(seconds, lon, lat, accuracy)
                        : new TrackPoints(Arrays.copyOf(seconds, size), Arrays.copyOf(lon, size), Arrays.copyOf(lat, size),
                        Arrays.copyOf(accuracy, size));
            }
            // a late batch, or batches sent out of order: a stable sort by time (rare; boxing is fine)
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(seconds[a], seconds[b]));
            long[] s = new long[size];
            double[] x = new double[size];
            double[] y = new double[size];
            int[] a = new int[size];
            for (int i = 0; i < size; i++) {
                int from = order[i];
                s[i] = seconds[from];
                x[i] = lon[from];
                y[i] = lat[from];
                a[i] = accuracy[from];
            }
            return new TrackPoints(s, x, y, a);
        }
    }
}
