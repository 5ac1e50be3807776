package org.griddesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.simulate.Scenery;
import org.griddesk.simulate.Simulation;
import org.griddesk.simulate.TrafficModel;

/// The ingest benchmark's client, in a JVM of its own (not the gateway's): the simulator's traffic
/// from every channel, over HTTP, in three phases — warm-up, sustained, flat out — each begun when
/// the benchmark says `go` on standard input (it reads the store between them). Each phase's tally
/// comes back on standard output as a line `RESULT {json}`.
///
/// `IngestClient URL KEYS-FILE TAG RATE SECONDS`: keys as `CHANNEL=key` lines; the demo district's
/// geography (the benchmark's store holds the same district, made from the same seed).
public final class IngestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final double FLAT_OUT_RATE = 1000;
    static final Duration WARM_UP = Duration.ofSeconds(60);
    static final Duration FLAT_OUT = Duration.ofSeconds(15);

    private IngestClient() {
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        Map<Channel, String> keys = keys(Path.of(args[1]));
        String tag = args[2];
        double rate = Double.parseDouble(args[3]);
        Duration sustained = Duration.ofSeconds(Long.parseLong(args[4]));
        Scenery scenery = Scenery.of(new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        phase(out, in, "warm-up");
        try (Simulation warmUp = new Simulation(gateway, keys, new TrafficModel(scenery, 1, "W" + tag), rate)) {
            report(out, warmUp.runFor(WARM_UP), null);
        }
        phase(out, in, "sustained");
        try (Simulation measured = new Simulation(gateway, keys, new TrafficModel(scenery, 2, "S" + tag), rate)) {
            report(out, measured.runFor(sustained), measured.p99ByWindow(Duration.ofSeconds(10)));
        }
        phase(out, in, "flat-out");
        try (Simulation flat = new Simulation(gateway, keys, new TrafficModel(scenery, 3, "F" + tag), FLAT_OUT_RATE)) {
            report(out, flat.runFor(FLAT_OUT), null);
        }
    }

    /// Says the phase is ready and waits for the benchmark's `go`.
    private static void phase(PrintStream out, BufferedReader in, String name) throws IOException {
        out.println("READY " + name);
        String line = in.readLine();
        if (!"go".equals(line)) {
            throw new IllegalStateException("the benchmark said " + line + " instead of go");
        }
    }

    private static void report(PrintStream out, Simulation.Tally tally, long[] p99ByWindow) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tally", tally);
        result.put("p99ByWindowMicros", p99ByWindow == null ? new long[0] : p99ByWindow);
        out.println("RESULT " + JSON.writeValueAsString(result));
    }

    private static Map<Channel, String> keys(Path file) throws IOException {
        Properties lines = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.load(reader);
        }
        Map<Channel, String> keys = new EnumMap<>(Channel.class);
        lines.stringPropertyNames().forEach(name -> keys.put(Channel.valueOf(name), lines.getProperty(name)));
        return keys;
    }
}
