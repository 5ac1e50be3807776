package org.griddesk.learn;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/// The item model a desk or gateway uses (`models/items.model` in the data folder); without one the
/// caller guesses items from their names. See [ModelSlot].
public final class ItemModels extends ModelSlot<ItemModel> {
    /// where the model lives inside the data folder
    public static final String FILE = "models/items.model";

    private ItemModels(Path file) {
        super(file, ItemModelFile.FILE, "item model", m -> m.facts().trainedAt());
    }

    /// None: the simple guess only (tests, a store with no data folder).
    public static ItemModels none() {
        return new ItemModels(null);
    }

    /// The models of the data folder at `dataFolder`, with the file read now if there is one.
    public static ItemModels in(Path dataFolder) {
        return new ItemModels(dataFolder.resolve(FILE));
    }

    /// Trains a model from `examples`, writes it to the data folder and uses it from now on.
    public ItemModel retrain(Supplier<List<ItemModelTrainer.Example>> examples, Instant now) {
        return use(() -> ItemModelTrainer.train(examples.get(), now));
    }

    @Override
    String describe(ItemModel m) {
        return m.items().size() + " items, " + m.featureCount() + " features, " + m.facts().examples() + " tickets reported "
                + m.facts().firstReport() + " – " + m.facts().lastReport();
    }
}
