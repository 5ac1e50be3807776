package org.griddesk.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoHistoryGenerator;
import org.griddesk.dispatch.ItemGuess;
import org.griddesk.domain.calendar.DayKind;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.learn.BreachCase;
import org.griddesk.learn.BreachModel;
import org.griddesk.learn.BreachSnapshot;
import org.griddesk.learn.BreachTrainer;
import org.griddesk.learn.ItemModel;
import org.griddesk.learn.ItemModelTrainer;
import org.griddesk.learn.ItemSuggestion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/// What a learnt prediction costs at the desk (the issue: under 1 ms each), against today's name
/// guess in the same run: the item model's three suggestions for a real order's text, the breach
/// model's probability for an open ticket, `ItemGuess` on the same texts. Models trained in the set-up
/// on the demo district's two years (not measured).
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class LearnedPredictionBenchmark {
    private static final int N = 1024;

    private ItemModel items;
    private ItemGuess guess;
    private BreachModel breach;
    private final String[] texts = new String[N];
    private final BreachSnapshot[] snapshots = new BreachSnapshot[N];
    private int next;

    @Setup
    public void train() {
        Instant now = Instant.now();
        DemoDistrictData district = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        List<ItemModelTrainer.Example> examples = new ArrayList<>();
        List<BreachCase> cases = new ArrayList<>();
        new DemoHistoryGenerator(district, DemoDistrictGenerator.DEFAULT_SEED).generate(DemoHistoryGenerator.DEFAULT_DAYS, now, h -> {
            var t = h.ticket();
            if (t.deadline() != null) {
                examples.add(new ItemModelTrainer.Example(t.intake().summary(), t.deadline().itemCode(), t.intake().reportedAt()));
            }
            BreachCase c = BreachCase.of(h.trail());
            if (c != null) {
                cases.add(c);
            }
        });
        items = ItemModelTrainer.train(examples, now);
        guess = new ItemGuess(district.taxonomy().items());
        WorkCalendar calendar = WorkCalendar.builtIn();
        var breachExamples = BreachTrainer.examples(cases, now, d -> calendar.kindOf(d) == DayKind.HOLIDAY);
        breach = BreachTrainer.train(breachExamples);
        for (int i = 0; i < N; i++) {
            texts[i] = examples.get(examples.size() - 1 - i * 7).text();
            snapshots[i] = breachExamples.get(breachExamples.size() - 1 - i * 5).snapshot();
        }
    }

    @Benchmark
    public List<ItemSuggestion> itemModel() {
        return items.suggest(texts[next++ & (N - 1)], 3);
    }

    @Benchmark
    public Optional<Item> itemGuess() {
        return guess.guess(texts[next++ & (N - 1)]);
    }

    @Benchmark
    public double breachModel() {
        return breach.probability(snapshots[next++ & (N - 1)]);
    }
}
