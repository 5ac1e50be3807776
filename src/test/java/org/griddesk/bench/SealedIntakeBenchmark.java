package org.griddesk.bench;

import java.util.Locale;

/// What sealing personal data costs the gateway (`./mvnw -Pbench verify -Dbench=sealed-intake`):
/// [IngestBenchmark]'s run (HTTP from a client in its own JVM, the simulator's traffic, 300/s for the
/// measured time, then flat out), twice in one JVM on fresh stores of the same kind and the same
/// traffic: callers sealed with SM4-GCM and indexed with HMAC-SM3 on the way in, and the baseline
/// storing them unsealed ([org.griddesk.store.PersonalDataVault#unsealedForBenchmarks], the phone
/// normalised as its index). Goal: flat-out throughput with sealing at least 0.9 of the baseline's.
final class SealedIntakeBenchmark {
    private final IngestBenchmark ingest;
    private final IngestStore store;

    SealedIntakeBenchmark(int seconds, IngestStore store) {
        this.ingest = new IngestBenchmark(seconds);
        this.store = store;
    }

    void run() throws Exception {
        // the baseline first gives the sealed run the warmer JVM; -Dbench.sealed.order=sealed swaps them to check
        boolean sealedFirst = "sealed".equals(System.getProperty("bench.sealed.order"));
        IngestBenchmark.Measured sealed;
        IngestBenchmark.Measured clear;
        if (sealedFirst) {
            sealed = ingest.measure(store, true, false);
            clear = ingest.measure(store, false, false);
        } else {
            clear = ingest.measure(store, false, false);
            sealed = ingest.measure(store, true, false);
        }
        var fields = BenchResults.fields();
        fields.put("benchmark", "sealed-intake-" + store.label());
        fields.put("sealedP50Ms", sealed.p50Ms());
        fields.put("sealedP99Ms", sealed.p99Ms());
        fields.put("sealedFlatOutPerSecond", sealed.flatOut());
        fields.put("baselineP50Ms", clear.p50Ms());
        fields.put("baselineP99Ms", clear.p99Ms());
        fields.put("baselineFlatOutPerSecond", clear.flatOut());
        fields.put("flatOutRatio", sealed.flatOut() / clear.flatOut());
        BenchResults.write("sealed-intake-" + store.label(), fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "sealed intake on %s, same run: callers sealed vs stored unsealed: p50 %.1f / %.1f ms, "
                        + "p99 %.1f / %.1f ms, flat out %.0f / %.0f requests/s = ratio %.2f (goal >= 0.9)",
                store, sealed.p50Ms(), clear.p50Ms(), sealed.p99Ms(), clear.p99Ms(), sealed.flatOut(), clear.flatOut(),
                sealed.flatOut() / clear.flatOut()));
    }
}
