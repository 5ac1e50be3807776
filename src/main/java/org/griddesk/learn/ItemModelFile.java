package org.griddesk.learn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/// The item model as a file in the data folder (`models/items.model`): gzip over a small binary
/// layout that starts with a magic word and the [#FORMAT] version. A file of another version, a
/// truncated or otherwise damaged file is refused with [Refused]; the desk then falls back to its
/// simple guess and trains a new model.
public final class ItemModelFile {
    static final int MAGIC = 0x47444954; // "GDIT"
    /// the layout's version: raise it whenever the layout or the features change
    public static final int FORMAT = 1;

    /// The file cannot be used; `reason` says why in plain words (logged).
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }

        public Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private ItemModelFile() {
    }

    /// Writes the model next to `file` and moves it into place: a reader sees the old file or the new one.
    public static void write(ItemModel model, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // a part file of this write alone: the desk and `griddesk learn items` may write at once
        Path part = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".part");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(part))))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            ItemModel.Facts facts = model.facts();
            out.writeLong(facts.trainedAt().toEpochMilli());
            out.writeLong(facts.firstReport().toEpochMilli());
            out.writeLong(facts.lastReport().toEpochMilli());
            out.writeInt(facts.examples());
            out.writeDouble(model.temperature());
            int n = model.items().size();
            out.writeInt(n);
            for (int c = 0; c < n; c++) {
                out.writeUTF(model.items().get(c));
                out.writeDouble(model.logPrior()[c]);
                out.writeDouble(model.logUnseen()[c]);
            }
            String[] byId = new String[model.featureIds().size()];
            model.featureIds().forEach((f, id) -> byId[id] = f);
            out.writeInt(byId.length);
            for (int id = 0; id < byId.length; id++) {
                out.writeUTF(byId[id]);
                int[] its = model.postingItems()[id];
                float[] lift = model.postingLift()[id];
                out.writeShort(its.length);
                for (int k = 0; k < its.length; k++) {
                    out.writeShort(its[k]);
                    out.writeFloat(lift[k]);
                }
            }
            out.writeInt(MAGIC); // the end: a cut file has no end mark
        }
        try {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    public static ItemModel read(Path file) throws Refused {
        if (!Files.isRegularFile(file)) {
            throw new Refused("no model file " + file);
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new Capped(new GZIPInputStream(raw), MAX_BYTES)))) {
            if (in.readInt() != MAGIC) {
                throw new Refused(file + " is not an item model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new Refused(file + " is an item model of format " + format + "; this GridDesk reads format " + FORMAT
                        + ": it is trained again");
            }
            ItemModel.Facts facts = new ItemModel.Facts(Instant.ofEpochMilli(in.readLong()), Instant.ofEpochMilli(in.readLong()),
                    Instant.ofEpochMilli(in.readLong()), in.readInt());
            double temperature = in.readDouble();
            int n = in.readInt();
            check(n > 0 && n <= MAX_ITEMS && Double.isFinite(temperature) && temperature > 0, file, "item count " + n);
            // nothing is sized from the file's counts: a damaged count runs out of data, not of memory
            java.util.List<String> items = new java.util.ArrayList<>();
            java.util.List<double[]> priors = new java.util.ArrayList<>();
            for (int c = 0; c < n; c++) {
                items.add(in.readUTF());
                double prior = in.readDouble();
                double unseen = in.readDouble();
                check(Double.isFinite(prior) && Double.isFinite(unseen), file, "item " + c);
                priors.add(new double[] {prior, unseen});
            }
            int v = in.readInt();
            check(v >= 0 && v <= MAX_FEATURES, file, "feature count " + v);
            Map<String, Integer> features = new HashMap<>();
            java.util.List<int[]> postingItems = new java.util.ArrayList<>();
            java.util.List<float[]> postingLift = new java.util.ArrayList<>();
            for (int id = 0; id < v; id++) {
                features.put(in.readUTF(), id);
                int k = in.readUnsignedShort();
                check(k <= n, file, "postings " + k);
                int[] its = new int[k];
                float[] lift = new float[k];
                for (int j = 0; j < k; j++) {
                    int c = in.readUnsignedShort();
                    check(c < n, file, "item " + c);
                    its[j] = c;
                    lift[j] = in.readFloat();
                    check(Float.isFinite(lift[j]), file, "feature " + id);
                }
                postingItems.add(its);
                postingLift.add(lift);
            }
            check(in.readInt() == MAGIC, file, "end mark");
            return new ItemModel(items.toArray(String[]::new), priors.stream().mapToDouble(p -> p[0]).toArray(),
                    priors.stream().mapToDouble(p -> p[1]).toArray(), features, postingItems.toArray(int[][]::new),
                    postingLift.toArray(float[][]::new), temperature, facts);
        } catch (EOFException e) {
            throw new Refused(file + " is cut short (a write that did not finish?)", e);
        } catch (ZipException e) {
            throw new Refused(file + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Refused(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /// items are written as unsigned shorts
    static final int MAX_ITEMS = 65_535;
    static final int MAX_FEATURES = 5_000_000;
    /// more unpacked bytes than any real model has (a few MB): a gzip bomb stops here
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /// Reading stops with an error after `limit` bytes.
    private static final class Capped extends java.io.FilterInputStream {
        private long left;

        Capped(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw new IOException("more than " + MAX_BYTES / (1024 * 1024) + " MB unpacked: not a model");
            }
            int b = super.read();
            left -= b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("more than " + MAX_BYTES / (1024 * 1024) + " MB unpacked: not a model");
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(0, n);
            return n;
        }
    }

    private static void check(boolean ok, Path file, String what) throws Refused {
        if (!ok) {
            throw new Refused(file + " is damaged (" + what + ")");
        }
    }
}
