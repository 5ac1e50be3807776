package org.griddesk.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.griddesk.domain.calendar.WorkCalendar;
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

/// Working-day arithmetic: one due-date computation (goal: under 1 µs), against the obvious
/// day-by-day loop over the same calendar as the baseline.
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WorkCalendarBenchmark {
    private static final int N = 4096;

    private final WorkCalendar calendar = WorkCalendar.builtIn();
    private final Instant[] starts = new Instant[N];
    private final int[] days = new int[N];
    private int next;

    @Setup
    public void prepare() {
        Random random = new Random(42);
        long from = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        long span = Instant.parse("2026-12-01T00:00:00Z").getEpochSecond() - from;
        for (int i = 0; i < N; i++) {
            starts[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * span));
            days[i] = random.nextBoolean() ? 7 : 2;
        }
    }

    @Benchmark
    public Instant dueAt() {
        int i = next++ & (N - 1);
        return calendar.dueAt(starts[i], days[i]);
    }

    /// Baseline: walk day by day asking the same calendar whether each day is a working day.
    @Benchmark
    public Instant dueAtDayByDay() {
        int i = next++ & (N - 1);
        LocalDate day = WorkCalendar.localDate(starts[i]);
        for (int left = days[i]; left > 0; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        return WorkCalendar.endOf(day);
    }
}
