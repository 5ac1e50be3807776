package org.griddesk.learn;

import static org.griddesk.learn.ModelFile.check;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// The item model as a file in the data folder (`models/items.model`), in a [ModelFile] envelope
/// whose magic word is "GDIT" and whose layout's version is [#FORMAT]. A file of another version, a
/// truncated or otherwise damaged file is refused with [ModelFile.Refused]; the desk then falls back
/// to its simple guess and trains a new model.
public final class ItemModelFile {
    static final int MAGIC = 0x47444954; // "GDIT"
    /// the layout's version: raise it whenever the layout or the features change
    public static final int FORMAT = 1;
    /// items are written as unsigned shorts
    static final int MAX_ITEMS = 65_535;
    static final int MAX_FEATURES = 5_000_000;
    static final ModelFile<ItemModel> FILE = new ModelFile<>(MAGIC, FORMAT, "item model", ItemModelFile::body, ItemModelFile::body);

    private ItemModelFile() {
    }

    /// Writes the model next to `file` and moves it into place: a reader sees the old file or the new one.
    public static void write(ItemModel model, Path file) throws IOException {
        FILE.write(model, file);
    }

    public static ItemModel read(Path file) throws ModelFile.Refused {
        return FILE.read(file);
    }

    private static void body(ItemModel model, DataOutputStream out) throws IOException {
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
    }

    private static ItemModel body(DataInputStream in, Path file) throws IOException, ModelFile.Refused {
        ItemModel.Facts facts = new ItemModel.Facts(Instant.ofEpochMilli(in.readLong()), Instant.ofEpochMilli(in.readLong()),
                Instant.ofEpochMilli(in.readLong()), in.readInt());
        double temperature = in.readDouble();
        int n = in.readInt();
        check(n > 0 && n <= MAX_ITEMS && Double.isFinite(temperature) && temperature > 0, file, "item count " + n);
        // nothing is sized from the file's counts: a damaged count runs out of data, not of memory
        List<String> items = new ArrayList<>();
        List<double[]> priors = new ArrayList<>();
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
        List<int[]> postingItems = new ArrayList<>();
        List<float[]> postingLift = new ArrayList<>();
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
        return new ItemModel(items.toArray(String[]::new), priors.stream().mapToDouble(p -> p[0]).toArray(),
                priors.stream().mapToDouble(p -> p[1]).toArray(), features, postingItems.toArray(int[][]::new),
                postingLift.toArray(float[][]::new), temperature, facts);
    }
}
