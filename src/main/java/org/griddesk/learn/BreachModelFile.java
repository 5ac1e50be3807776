package org.griddesk.learn;

import static org.griddesk.learn.ModelFile.check;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/// The breach-risk model as a file in the data folder (`models/breach.model`), in a [ModelFile]
/// envelope whose magic word is "GDBR" and whose layout's version is [#FORMAT]: its facts, its
/// numeric weights, then each category's name and weight.
public final class BreachModelFile {
    static final int MAGIC = 0x47444252; // "GDBR"
    /// the layout's version: raise it whenever the layout or the model's inputs change
    public static final int FORMAT = 1;
    static final int MAX_CATEGORIES = 1_000_000;
    static final ModelFile<BreachModel> FILE = new ModelFile<>(MAGIC, FORMAT, "breach-risk model", BreachModelFile::body,
            BreachModelFile::body);

    private BreachModelFile() {
    }

    public static void write(BreachModel model, Path file) throws IOException {
        FILE.write(model, file);
    }

    public static BreachModel read(Path file) throws ModelFile.Refused {
        return FILE.read(file);
    }

    private static void body(BreachModel model, DataOutputStream out) throws IOException {
        BreachModel.Facts f = model.facts();
        out.writeLong(f.trainedAt().toEpochMilli());
        out.writeInt(f.cases());
        out.writeLong(f.lastDispatch().toEpochMilli());
        out.writeInt(f.heldOut());
        out.writeDouble(f.brier());
        out.writeDouble(f.auc());
        out.writeDouble(f.ruleBrier());
        out.writeDouble(f.ruleAuc());
        double[] w = model.weights();
        out.writeInt(BreachModel.NUMERIC);
        for (int k = 0; k < BreachModel.NUMERIC; k++) {
            out.writeDouble(w[k]);
        }
        out.writeInt(model.categories().size());
        for (var c : model.categories().entrySet()) {
            out.writeUTF(c.getKey());
            out.writeDouble(w[BreachModel.NUMERIC + c.getValue()]);
        }
    }

    private static BreachModel body(DataInputStream in, Path file) throws IOException, ModelFile.Refused {
        BreachModel.Facts facts = new BreachModel.Facts(Instant.ofEpochMilli(in.readLong()), in.readInt(),
                Instant.ofEpochMilli(in.readLong()), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        int numeric = in.readInt();
        check(numeric == BreachModel.NUMERIC, file, "numeric inputs " + numeric);
        double[] first = new double[numeric];
        for (int k = 0; k < numeric; k++) {
            first[k] = finite(in.readDouble(), file);
        }
        int n = in.readInt();
        check(n >= 0 && n <= MAX_CATEGORIES, file, "category count " + n);
        // nothing is sized from the file's counts: a damaged count runs out of data, not of memory
        Map<String, Integer> categories = new HashMap<>();
        java.util.List<Double> rest = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            check(categories.putIfAbsent(name, i) == null, file, "category " + name + " twice");
            rest.add(finite(in.readDouble(), file));
        }
        double[] w = new double[numeric + n];
        System.arraycopy(first, 0, w, 0, numeric);
        for (int i = 0; i < n; i++) {
            w[numeric + i] = rest.get(i);
        }
        return new BreachModel(categories, w, facts);
    }

    private static double finite(double v, Path file) throws ModelFile.Refused {
        check(Double.isFinite(v), file, "a weight that is not a number");
        return v;
    }
}
