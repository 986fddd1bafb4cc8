package io.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Provider wallet callback benchmark (issue 3): Hub88-style signed bet+win pairs over HTTP against a running hub on
 * loopback, from {@code connections} concurrent workers (one player each, one request in flight each).
 *
 * <pre>
 * keygen &lt;dir&gt;                      writes provider-private.pem (PKCS#8) and provider-public.pem (X.509) for onboarding
 * run --baseUrl http://127.0.0.1:P --providerId ID --privateKey FILE --connections C [--warmup 5] [--duration 20]
 * </pre>
 *
 * Phase 1 (peak): closed loop, every worker sends bet then win as fast as answers come back. Phase 2 (half load): each
 * worker paces its pairs so the total offered rate is half the phase-1 pair rate; a bet's latency is measured from the
 * time it was due (coordinated omission corrected), a win's from when it was sent (right after its bet's answer).
 * Prints a Markdown table row per phase to stdout: callbacks/s, p50/p90/p99/max in ms, errors by status.
 */
public final class ProviderCallbackBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keygen")) {
            keygen(Path.of(args[1]));
            return;
        }
        Map<String, String> o = new TreeMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        String base = o.getOrDefault("baseUrl", "http://127.0.0.1:8080");
        String host = URI.create(base).getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("the bench only targets loopback, not " + host);
        }
        new ProviderCallbackBench(base, o.get("providerId"), readKey(Path.of(o.get("privateKey"))),
                Integer.parseInt(o.getOrDefault("connections", "16")), Integer.parseInt(o.getOrDefault("warmup", "5")),
                Integer.parseInt(o.getOrDefault("duration", "20"))).run();
    }

    private final String base;
    private final String providerId;
    private final PrivateKey key;
    private final int connections;
    private final int warmupSeconds;
    private final int durationSeconds;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong seq = new AtomicLong();

    ProviderCallbackBench(String base, String providerId, PrivateKey key, int connections, int warmupSeconds, int durationSeconds) {
        this.base = base;
        this.providerId = providerId;
        this.key = key;
        this.connections = connections;
        this.warmupSeconds = warmupSeconds;
        this.durationSeconds = durationSeconds;
    }

    private static final class Phase {
        final Histogram histogram = new Histogram(60_000_000L, 3);
        final LongAdder callbacks = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

        synchronized void record(long micros) {
            histogram.recordValue(Math.min(micros, 60_000_000L));
        }
    }

    void run() throws Exception {
        String op = login("operator", "operator");
        List<String> players = new ArrayList<>();
        for (int i = 0; i < connections; i++) players.add(newPlayer(op));
        // warm-up: closed loop, not recorded
        closedLoop(players, warmupSeconds, new Phase());
        Phase peak = new Phase();
        long t0 = System.nanoTime();
        closedLoop(players, durationSeconds, peak);
        double peakSeconds = (System.nanoTime() - t0) / 1e9;
        double peakRate = peak.callbacks.sum() / peakSeconds;
        Phase half = new Phase();
        long t1 = System.nanoTime();
        paced(players, durationSeconds, peakRate / 2 / 2, half); // pairs/s = half of the callback rate / 2
        double halfSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.println("| connections | phase | offered | callbacks/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---|");
        System.out.println(row("peak (closed loop)", "max", peak, peakSeconds));
        System.out.println(row("half of peak (paced)", String.format("%.0f/s", peakRate / 2), half, halfSeconds));
    }

    private String row(String phase, String offered, Phase p, double seconds) {
        Histogram h = p.histogram;
        return String.format("| %d | %s | %s | %.0f | %.2f | %.2f | %.2f | %.1f | %s |", connections, phase, offered,
                p.callbacks.sum() / seconds, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, p.errors.isEmpty() ? "none" : new TreeMap<>(p.errors).toString());
    }

    private void closedLoop(List<String> players, int seconds, Phase phase) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (String player : players) {
            threads.add(started(() -> {
                while (System.nanoTime() < end) pair(player, System.nanoTime(), phase);
            }));
        }
        for (Thread t : threads) t.join();
    }

    private void paced(List<String> players, int seconds, double pairsPerSecond, Phase phase) throws InterruptedException {
        long intervalNanos = (long) (players.size() * 1e9 / Math.max(pairsPerSecond, 1));
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < players.size(); w++) {
            String player = players.get(w);
            long phaseOffset = intervalNanos * w / players.size();
            threads.add(started(() -> {
                for (long k = 0; ; k++) {
                    long due = start + phaseOffset + k * intervalNanos;
                    if (due >= end) break;
                    long now = System.nanoTime();
                    if (due > now) sleepNanos(due - now);
                    pair(player, due, phase);
                }
            }));
        }
        for (Thread t : threads) t.join();
    }

    private void pair(String player, long betDue, Phase phase) {
        long n = seq.incrementAndGet();
        String tx = "bench-" + runId + "-" + n;
        String round = "round-" + runId + "-" + n;
        String bet = "{\"user\":\"" + player + "\",\"request_uuid\":\"" + UUID.randomUUID() + "\",\"game_code\":\"bench\",\"currency\":\"EUR\","
                + "\"transaction_uuid\":\"" + tx + "\",\"round\":\"" + round + "\",\"round_closed\":false,\"amount\":100000}";
        boolean ok = callback("transaction/bet", bet, betDue, phase);
        if (!ok) return;
        String win = "{\"user\":\"" + player + "\",\"request_uuid\":\"" + UUID.randomUUID() + "\",\"game_code\":\"bench\",\"currency\":\"EUR\","
                + "\"transaction_uuid\":\"w" + tx + "\",\"reference_transaction_uuid\":\"" + tx + "\",\"round\":\"" + round
                + "\",\"round_closed\":true,\"amount\":50000}";
        callback("transaction/win", win, System.nanoTime(), phase);
    }

    private boolean callback(String op, String body, long intendedStart, Phase phase) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/wallet/" + providerId + "/" + op)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Hub88-Signature", sign(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        String status;
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode j = JSON.readTree(r.body());
            status = r.statusCode() == 200 ? j.path("status").asText("NO_STATUS") : "HTTP_" + r.statusCode();
        } catch (Exception e) {
            status = e.getClass().getSimpleName();
        }
        phase.record((System.nanoTime() - intendedStart) / 1000);
        phase.callbacks.increment();
        if (!status.equals("RS_OK")) {
            phase.errors.computeIfAbsent(status, s -> new LongAdder()).increment();
            return false;
        }
        return true;
    }

    private String sign(byte[] body) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(body);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> r = post("/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null, null);
        return JSON.readTree(r.body()).get("accessToken").asText();
    }

    private String newPlayer(String op) throws Exception {
        String name = "pb-" + UUID.randomUUID().toString().substring(0, 10);
        HttpResponse<String> r = post("/operator/players", "{\"username\":\"" + name + "\",\"password\":\"pw-" + name + "\",\"currency\":\"EUR\"}", op, java.util.UUID.randomUUID().toString());
        if (r.statusCode() != 201) throw new IllegalStateException("create player: " + r.statusCode() + " " + r.body());
        String id = JSON.readTree(r.body()).get("playerId").asText();
        HttpResponse<String> c = post("/operator/players/" + id + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"1000000.00\",\"reason\":\"bench funding\"}", op, "bench-fund-" + id);
        if (c.statusCode() != 201) throw new IllegalStateException("fund player: " + c.statusCode() + " " + c.body());
        return id;
    }

    private HttpResponse<String> post(String path, String body, String bearer, String idempotencyKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void keygen(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        Base64.Encoder enc = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("provider-private.pem"), "-----BEGIN PRIVATE KEY-----\n" + enc.encodeToString(kp.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("provider-public.pem"), "-----BEGIN PUBLIC KEY-----\n" + enc.encodeToString(kp.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    static PrivateKey readKey(Path file) throws Exception {
        String b64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }
}
