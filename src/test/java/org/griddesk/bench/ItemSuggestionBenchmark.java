package org.griddesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoHistoryGenerator;
import org.griddesk.demo.RequestTexts;
import org.griddesk.dispatch.ItemGuess;
import org.griddesk.dispatch.ItemSuggestions;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.learn.HeldOutCheck;
import org.griddesk.learn.ItemModel;
import org.griddesk.learn.ItemModelFile;
import org.griddesk.learn.ItemModelTrainer;
import org.griddesk.learn.ItemModelTrainer.Example;
import org.griddesk.learn.ItemSuggestion;

/// The item suggestion against today's [ItemGuess] on the demo district's two-year history: the
/// model is trained on every month but the last two and judged on those two, never seen in
/// training (held out by report time, as a desk retrained today meets tomorrow's orders). Reports
/// top-1 and top-3 accuracy of both on the same tickets, for all and for the citizens' free text
/// (8890 and 津治通), and for orders in words the history never uses (each item's kept-back
/// wording: how the model does on what it has not seen), how often the model is confident and right then, the training time on the
/// whole two years, the model file's size and its load time.
final class ItemSuggestionBenchmark {
    static final int HELD_OUT_DAYS = 61;
    private static final Set<Channel> FREE_TEXT = EnumSet.of(Channel.HOTLINE_8890, Channel.GOVERNANCE_PLATFORM);

    record Labelled(Example example, Channel channel) {
    }

    void run() throws Exception {
        Instant now = Instant.now();
        DemoDistrictData district = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        List<Labelled> labelled = history(district, now);
        List<Example> all = labelled.stream().map(Labelled::example).toList();
        List<Example> freeText = labelled.stream().filter(l -> FREE_TEXT.contains(l.channel())).map(Labelled::example).toList();
        Instant cut = now.minus(Duration.ofDays(HELD_OUT_DAYS));
        List<Example> training = all.stream().filter(e -> e.reportedAt().isBefore(cut)).toList();

        ItemModel model = ItemModelTrainer.train(training, now);
        Function<String, List<ItemSuggestion>> learnt = text -> model.suggest(text, 3);
        ItemGuess guess = new ItemGuess(district.taxonomy().items());
        Function<String, List<ItemSuggestion>> byName = text -> guess.guess(text)
                .map(i -> List.of(new ItemSuggestion(i.code(), Double.NaN))).orElse(List.of());
        double confident = ItemSuggestions.CONFIDENT;
        HeldOutCheck modelAll = HeldOutCheck.of(all, cut, learnt, confident, training.size());
        HeldOutCheck guessAll = HeldOutCheck.of(all, cut, byName, confident, 0);
        HeldOutCheck modelFree = HeldOutCheck.of(freeText, cut, learnt, confident, training.size());
        HeldOutCheck guessFree = HeldOutCheck.of(freeText, cut, byName, confident, 0);
        // words the history never uses: each item's kept-back way of saying it, as 8890 orders at random grids
        RequestTexts texts = RequestTexts.load(DemoDistrictGenerator.DEFAULT_SEED);
        List<Example> unseen = new ArrayList<>();
        var grids = district.map().grids();
        for (int n = 0; n < 20 * district.taxonomy().items().size(); n++) {
            var item = district.taxonomy().items().get(n % district.taxonomy().items().size());
            unseen.add(new Example(texts.unseenWording(n, item, grids.get((n * 7919) % grids.size())), item.code(), now));
        }
        HeldOutCheck modelUnseen = HeldOutCheck.of(unseen, cut, learnt, confident, training.size());
        HeldOutCheck guessUnseen = HeldOutCheck.of(unseen, cut, byName, confident, 0);

        long start = System.nanoTime();
        ItemModel whole = ItemModelTrainer.train(all, now); // what `griddesk learn items` does on two years
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Path file = Files.createTempFile("griddesk-items-", ".model");
        ItemModelFile.write(whole, file);
        long fileBytes = Files.size(file);
        start = System.nanoTime();
        ItemModelFile.read(file);
        double loadMs = (System.nanoTime() - start) / 1e6;
        Files.delete(file);

        var fields = BenchResults.fields();
        fields.put("benchmark", "item-suggestion");
        fields.put("trainingTickets", training.size());
        fields.put("heldOutTickets", modelAll.heldOut());
        fields.put("heldOutDays", HELD_OUT_DAYS);
        fields.put("modelTop1", modelAll.top1());
        fields.put("modelTop3", modelAll.top3());
        fields.put("itemGuessTop1", guessAll.top1());
        fields.put("ratioTop1ModelToItemGuess", modelAll.top1() / guessAll.top1());
        fields.put("modelTop1FreeText", modelFree.top1());
        fields.put("modelTop3FreeText", modelFree.top3());
        fields.put("itemGuessTop1FreeText", guessFree.top1());
        fields.put("modelTop1UnseenWords", modelUnseen.top1());
        fields.put("modelTop3UnseenWords", modelUnseen.top3());
        fields.put("itemGuessTop1UnseenWords", guessUnseen.top1());
        fields.put("confidentShareUnseenWords", modelUnseen.confidentShare());
        fields.put("confidentAccuracyUnseenWords", modelUnseen.confidentRight());
        fields.put("confidentShare", modelAll.confidentShare());
        fields.put("confidentAccuracy", modelAll.confidentRight());
        fields.put("trainingSecondsTwoYears", trainSeconds);
        fields.put("trainingTicketsTwoYears", all.size());
        fields.put("modelFileBytes", fileBytes);
        fields.put("modelLoadMs", loadMs);
        fields.put("features", whole.featureCount());
        BenchResults.write("item-suggestion", fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "item suggestion on the last %d days (%,d tickets, never trained on; trained on the %,d before): top-1 %.3f, "
                        + "top-3 %.3f (goal >= 0.9) against ItemGuess top-1 %.3f (it names one item; ratio %.1fx); 8890 and 津治通 "
                        + "text alone: top-1 %.3f, top-3 %.3f, ItemGuess %.3f; first suggestion >= %.1f sure on %.0f %% of tickets, "
                        + "right then %.3f; in words the history never uses (%,d orders): top-1 %.3f, top-3 %.3f, ItemGuess %.3f, "
                        + "sure on %.0f %%, right then %.3f; training on two years (%,d tickets) %.1f s (goal < 60 s); model file %.1f MB, %,d "
                        + "features, read in %.0f ms",
                HELD_OUT_DAYS, modelAll.heldOut(), training.size(), modelAll.top1(), modelAll.top3(), guessAll.top1(),
                modelAll.top1() / guessAll.top1(), modelFree.top1(), modelFree.top3(), guessFree.top1(), confident,
                100 * modelAll.confidentShare(), modelAll.confidentRight(), modelUnseen.heldOut(), modelUnseen.top1(),
                modelUnseen.top3(), guessUnseen.top1(), 100 * modelUnseen.confidentShare(), modelUnseen.confidentRight(), all.size(), trainSeconds, fileBytes / 1e6,
                whole.featureCount(), loadMs));
    }

    /// Every ticket of the demo history whose item was decided, with its channel.
    static List<Labelled> history(DemoDistrictData district, Instant now) {
        List<Labelled> out = new ArrayList<>();
        new DemoHistoryGenerator(district, DemoDistrictGenerator.DEFAULT_SEED).generate(DemoHistoryGenerator.DEFAULT_DAYS, now, h -> {
            var t = h.ticket();
            if (t.deadline() != null) {
                out.add(new Labelled(new Example(t.intake().summary(), t.deadline().itemCode(), t.intake().reportedAt()),
                        t.intake().channel()));
            }
        });
        return out;
    }
}
