package org.griddesk.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Grid workers working their 网格通 app, as real phones do: once every simulated working hour each
/// fetches its tasks (`GET /api/v1/worker/tasks`) and spreads the hour's work over it: visits to
/// households due, the longest overdue first ([Pace#visitsPerHour] of them, a point near the
/// household, findings from the fixed list, sometimes a photo), verifications (核实) of reports
/// waiting in its grid, and on-site checks (核查) of handled tickets, of which [Pace#checkFailRate]
/// fail and go back to their team. Each POST carries an `Idempotency-Key` of its own; a share
/// ([Pace#resendRate]) is sent again with the same key and body, as a phone that never saw the answer
/// does, and must come back `200` with the first answer byte for byte. Each worker is one token (an
/// account linked to a grid's post); its choices are deterministic for a seed.
public final class FieldWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FieldWorkers.class);

    /// How the workers work: a simulated working hour lasts `hour`; in it a worker makes about
    /// `visitsPerHour` visits (a Poisson draw, at most the visits due), verifies a report waiting with
    /// the chance `verifyRate` and checks a handled ticket with the chance `checkRate`. Of the checks
    /// `checkFailRate` fail, of the verifications `unrealRate` find nothing there; `resendRate` of the
    /// posts are sent twice and `photoRate` of the visits carry a photo.
    public record Pace(Duration hour, double visitsPerHour, double verifyRate, double checkRate, double checkFailRate,
                       double unrealRate, double resendRate, double photoRate) {
        /// a visit or two an hour (a working day of eight holds about a dozen), every report and handled ticket seen within the hour
        public static final Pace DEFAULT = new Pace(Duration.ofMinutes(1), 2, 1, 1, 0.15, 0.1, 0.05, 0.3);

        public Pace {
            if (hour.compareTo(Duration.ofMillis(100)) < 0) {
                throw new IllegalArgumentException("a simulated working hour lasts at least 100 ms");
            }
            if (!(visitsPerHour >= 0 && visitsPerHour <= 60)) {
                throw new IllegalArgumentException("visits an hour are between 0 and 60");
            }
            for (double rate : new double[] {verifyRate, checkRate, checkFailRate, unrealRate, resendRate, photoRate}) {
                if (!(rate >= 0 && rate <= 1)) {
                    throw new IllegalArgumentException("a rate is between 0 and 1 (0 % and 100 %)");
                }
            }
        }

        public Pace withHour(Duration newHour) {
            return new Pace(newHour, visitsPerHour, verifyRate, checkRate, checkFailRate, unrealRate, resendRate, photoRate);
        }

        public Pace withCheckFailRate(double rate) {
            return new Pace(hour, visitsPerHour, verifyRate, checkRate, rate, unrealRate, resendRate, photoRate);
        }

        public Pace withResendRate(double rate) {
            return new Pace(hour, visitsPerHour, verifyRate, checkRate, checkFailRate, unrealRate, rate, photoRate);
        }
    }

    /// What the workers have done so far. `visitsKnown`: visits answered as recorded already (the
    /// same visit sent under a new key); `refused`: 4xx answers to first sends (a ticket that moved
    /// on meanwhile: `checksMovedOn` of them); `resendsSame`: resends answered `200` with the first
    /// answer, byte for byte.
    public record Tally(int workers, long taskLists, long visits, long visitsKnown, long photos, long verifications, long unreal,
                        long checksPassed, long checksFailed, long resends, long resendsSame, long refused, long checksMovedOn,
                        long failed) {
        public String summary() {
            return String.format(Locale.ROOT, "workers %d, task lists %d: visits recorded %d (%d with a photo, %d already recorded),"
                    + " verifications %d (%d not real), checks passed %d, failed %d; resends %d, answered the same %d;"
                    + " 4xx %d (%d tickets moved on), failed %d", workers, taskLists, visits, photos, visitsKnown, verifications,
                    unreal, checksPassed, checksFailed, resends, resendsSame, refused, checksMovedOn, failed);
        }
    }

    private static final int TASK_LISTS = 0;
    private static final int VISITS = 1;
    private static final int VISITS_KNOWN = 2;
    private static final int PHOTOS = 3;
    private static final int VERIFICATIONS = 4;
    private static final int UNREAL = 5;
    private static final int PASSED = 6;
    private static final int FAILED_CHECKS = 7;
    private static final int RESENDS = 8;
    private static final int RESENDS_SAME = 9;
    private static final int REFUSED = 10;
    private static final int MOVED_ON = 11;
    private static final int FAILED = 12;

    private final URI base;
    private final Map<String, Scenery.Spot> spots;
    private final Pace pace;
    private final String run;
    private final List<Worker> workers = new ArrayList<>();
    private final FieldForms forms;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLongArray outcomes = new AtomicLongArray(13);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> grids = ConcurrentHashMap.newKeySet();

    /// One worker per token (`gdw_…`, its account linked to a grid's post), posting to `gateway`.
    /// `run` tells this run's keys apart from another's.
    public FieldWorkers(URI gateway, List<String> tokens, Scenery scenery, long seed, Pace pace, String run) {
        this.base = gateway;
        this.spots = scenery.grids().stream().collect(Collectors.toMap(Scenery.Spot::gridCode, Function.identity(), (a, b) -> a));
        this.pace = pace;
        this.run = run;
        for (int i = 0; i < tokens.size(); i++) {
            workers.add(new Worker(i + 1, tokens.get(i), new Random(seed * 1_000_003L + i)));
        }
        this.forms = new FieldForms(pace, tokens.isEmpty() ? 0 : 3, seed);
        // HTTP/1.1 as the gateway speaks it (see Simulation)
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public int workers() {
        return workers.size();
    }

    /// The grids the workers' task lists have named so far (their posts' grids).
    public Set<String> grids() {
        return Collections.unmodifiableSet(grids);
    }

    /// Starts the workers, each on a thread of its own (a phone does one thing at a time); their
    /// first hours are spread over the first hour, as phones switched on through the morning are.
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        for (Worker w : workers) {
            long offset = pace.hour().toNanos() * (w.index - 1) / workers.size();
            threads.add(Thread.ofVirtual().name("griddesk-field-worker-" + w.index).start(() -> w.work(offset)));
        }
    }

    public Tally tally() {
        return new Tally(workers.size(), outcomes.get(TASK_LISTS), outcomes.get(VISITS), outcomes.get(VISITS_KNOWN), outcomes.get(PHOTOS),
                outcomes.get(VERIFICATIONS), outcomes.get(UNREAL), outcomes.get(PASSED), outcomes.get(FAILED_CHECKS), outcomes.get(RESENDS),
                outcomes.get(RESENDS_SAME), outcomes.get(REFUSED), outcomes.get(MOVED_ON), outcomes.get(FAILED));
    }

    /// Stops the workers: what a worker is sending is finished and counted (up to 30 s), nothing new is started.
    @Override
    public void close() {
        stop.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            for (Thread t : threads) {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.shutdownNow();
    }

    /// waits `nanos`, false when the workers are stopped meanwhile
    private boolean pause(long nanos) {
        try {
            return !stop.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Job(String path, String body, int kind, boolean outcome, boolean photo) {
    }

    /// One worker's phone.
    private final class Worker {
        final int index;
        final String token;
        final Random random;
        /// tickets verified, and the hour each ticket was last checked in (and whether it passed)
        final Map<String, Boolean> verified = new HashMap<>();
        final Map<String, int[]> checked = new HashMap<>();
        int hourNo;
        int serial;
        boolean told;

        Worker(int index, String token, Random random) {
            this.index = index;
            this.token = token;
            this.random = random;
        }

        void work(long offsetNanos) {
            if (!pause(offsetNanos)) {
                return;
            }
            long hourNanos = pace.hour().toNanos();
            while (stop.getCount() > 0) {
                long start = System.nanoTime();
                hourNo++;
                List<Job> jobs = plan();
                for (int k = 0; k < jobs.size(); k++) {
                    if (!pause(start + hourNanos * (k + 1) / (jobs.size() + 1) - System.nanoTime())) {
                        return;
                    }
                    post(jobs.get(k));
                }
                if (!pause(start + hourNanos - System.nanoTime())) {
                    return;
                }
            }
        }

        /// The hour's work from the task list, in the order the worker goes about it.
        private List<Job> plan() {
            JsonNode tasks = tasks();
            if (tasks == null) {
                return List.of();
            }
            String grid = tasks.path("grid").asText();
            grids.add(grid);
            Scenery.Spot spot = spots.get(grid);
            List<Job> jobs = new ArrayList<>();
            List<String> due = new ArrayList<>(); // the longest overdue first
            tasks.path("visits").forEach(v -> due.add(v.path("household").asText()));
            int visits = Math.min(due.size(), poisson(pace.visitsPerHour()));
            if (spot == null && visits > 0 && !told) {
                told = true;
                log.info("worker {}: grid {} is not in the simulator's district, no visits (points unknown)", index, grid);
            }
            for (int i = 0; spot != null && i < visits; i++) {
                jobs.add(visit(due.get(i), spot));
            }
            for (JsonNode t : tasks.path("verifications")) {
                String code = t.path("ticket").asText();
                if (!verified.containsKey(code) && random.nextDouble() < pace.verifyRate()) {
                    jobs.add(verification(code, t, spot));
                }
            }
            for (JsonNode t : tasks.path("checks")) {
                String code = t.path("ticket").asText();
                int[] last = checked.get(code);
                // once passed, or checked an hour ago (it waits for its team), it is not checked again
                boolean waiting = last == null || last[1] == 0 && last[0] < hourNo - 1;
                if (waiting && random.nextDouble() < pace.checkRate()) {
                    jobs.add(check(code, t, spot));
                }
            }
            Collections.shuffle(jobs, random);
            return jobs;
        }

        private JsonNode tasks() {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/worker/tasks")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    outcomes.incrementAndGet(answer.statusCode() >= 400 && answer.statusCode() < 500 ? REFUSED : FAILED);
                    tell("the task list was answered " + answer.statusCode() + ": " + answer.body());
                    return null;
                }
                outcomes.incrementAndGet(TASK_LISTS);
                return json.readTree(answer.body());
            } catch (IOException e) {
                outcomes.incrementAndGet(FAILED);
                tell("the task list could not be fetched: " + e);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private Job visit(String household, Scenery.Spot spot) {
            FieldForms.Form form = forms.visit(random, household, spot, ++serial);
            return new Job(form.path(), form.body(), VISITS, true, form.photo());
        }

        private Job verification(String code, JsonNode ticket, Scenery.Spot spot) {
            boolean real = random.nextDouble() >= pace.unrealRate();
            verified.put(code, real);
            FieldForms.Form form = forms.verification(random, code, real, ticket, spot);
            return new Job(form.path(), form.body(), VERIFICATIONS, real, false);
        }

        private Job check(String code, JsonNode ticket, Scenery.Spot spot) {
            boolean passed = random.nextDouble() >= pace.checkFailRate();
            checked.put(code, new int[] {hourNo, passed ? 1 : 0});
            FieldForms.Form form = forms.check(random, code, passed, ticket, spot, ++serial);
            return new Job(form.path(), form.body(), passed ? PASSED : FAILED_CHECKS, passed, false);
        }

        /// Posts a job under a key of its own; sometimes again, as a phone that lost the answer.
        private void post(Job job) {
            String key = "sim-" + run + "-w" + index + "-" + (++serial);
            HttpResponse<String> first = send(job, key);
            if (first == null) {
                return;
            }
            int status = first.statusCode();
            if (status == 201) {
                outcomes.incrementAndGet(job.kind());
                if (job.kind() == VISITS && job.photo()) {
                    outcomes.incrementAndGet(PHOTOS);
                }
                if (job.kind() == VERIFICATIONS && !job.outcome()) {
                    outcomes.incrementAndGet(UNREAL);
                }
            } else if (status == 200 && job.kind() == VISITS) {
                outcomes.incrementAndGet(VISITS_KNOWN); // the same visit sent before: nothing kept under this key to resend
                return;
            } else if (status >= 400 && status < 500) {
                outcomes.incrementAndGet(REFUSED);
                if (status == 409 || status == 404) {
                    outcomes.incrementAndGet(MOVED_ON); // verified or closed at the desk since the task list was read
                } else {
                    tell(job.path() + " was answered " + status + ": " + first.body());
                }
                return;
            } else {
                outcomes.incrementAndGet(FAILED);
                tell(job.path() + " was answered " + status + ": " + first.body());
                return;
            }
            if (random.nextDouble() < pace.resendRate()) {
                outcomes.incrementAndGet(RESENDS);
                HttpResponse<String> again = send(job, key);
                if (again != null && again.statusCode() == 200 && again.body().equals(first.body())
                        && again.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")) {
                    outcomes.incrementAndGet(RESENDS_SAME);
                } else if (again != null) {
                    tell("a resend to " + job.path() + " was answered " + again.statusCode() + ", not as the first send: " + again.body());
                }
            }
        }

        private HttpResponse<String> send(Job job, String key) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(job.path())).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(job.body())).build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                outcomes.incrementAndGet(FAILED);
                tell(job.path() + " could not be sent: " + e);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private void tell(String what) {
            log.warn("simulated worker {}: {}", index, what);
        }

        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int n = 0;
            while (product > limit) {
                product *= random.nextDouble();
                n++;
            }
            return n;
        }

    }
}
