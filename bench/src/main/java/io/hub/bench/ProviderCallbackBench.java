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
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Provider wallet callback benchmark (issue 3): bet+win pairs over HTTP against a running hub on loopback, from
 * {@code connections} concurrent workers (one player each, one request in flight each), in one of two protocols:
 * <ul>
 *   <li>{@code hub88}: JSON signed with RSA-SHA256 in {@code X-Hub88-Signature} (the hub verifies it and signs its
 *       answer with its own RSA key: two RSA-2048 operations in the hub per callback, one of them a private-key one);</li>
 *   <li>{@code pragmatic}: form posts with the MD5 {@code hash} of the sorted parameters plus the shared secret
 *       (providers.md §4 shape B): no public-key cryptography at all, so the run shows the hub's ledger path.</li>
 * </ul>
 *
 * <pre>
 * keygen &lt;dir&gt;   writes provider-private.pem (PKCS#8) and provider-public.pem (X.509) for onboarding
 * run --baseUrl http://127.0.0.1:P --providerId ID --connections C [--protocol hub88|pragmatic]
 *     [--privateKey FILE (hub88)] [--secret S (pragmatic)] [--warmup 5] [--duration 20] [--maxPresignPairs 200000]
 *     [--client keepalive|jdk]
 * </pre>
 *
 * <p>Client: {@code keepalive} (default) sends each worker's callbacks over its own persistent HTTP/1.1 connection
 * ({@link KeepAliveHttpClient}: prepared bytes, little CPU taken from the hub on the shared machine); {@code jdk} uses
 * the JDK {@code HttpClient} (the generator of the earlier reports). Logins and set-up calls always use the JDK client.
 *
 * <p>Every measured request is built and signed <em>before</em> its phase starts (signing is the provider's cost, not
 * the hub's): the peak phase gets a pool sized from the warm-up rate (2.5 × the warm-up pair rate × the duration); if
 * a worker's pool runs dry the phase ends for every worker at that moment and the rate is taken over the time that
 * actually ran. Phase 1 (peak): closed loop, every worker sends bet then win as fast as answers come back. Phase 2
 * (half load): each worker paces its pairs so the total offered rate is half the phase-1 pair rate; a bet's latency
 * is measured from the time it was due (coordinated omission corrected), a win's from when it was sent (right after
 * its bet's answer). Prints a Markdown table row per phase to stdout: callbacks/s, p50/p90/p99/max in ms, errors by
 * status; and on stderr the generator's signing cost per request.
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
        String protocol = o.getOrDefault("protocol", "hub88");
        Signer signer;
        if (protocol.equals("hub88")) signer = new RsaSigner(readKey(Path.of(o.get("privateKey"))));
        else if (protocol.equals("pragmatic")) signer = new Md5Signer(Objects.requireNonNull(o.get("secret"), "--secret"));
        else throw new IllegalArgumentException("--protocol hub88|pragmatic, not " + protocol);
        new ProviderCallbackBench(base, o.get("providerId"), signer,
                Integer.parseInt(o.getOrDefault("connections", "16")), Integer.parseInt(o.getOrDefault("warmup", "5")),
                Integer.parseInt(o.getOrDefault("duration", "20")),
                Integer.parseInt(o.getOrDefault("maxPresignPairs", "200000")), o.getOrDefault("client", "keepalive")).run();
    }

    private final String base;
    private final String providerId;
    private final Signer signer;
    private final int connections;
    private final int warmupSeconds;
    private final int durationSeconds;
    private final int maxPresignPairs;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong seq = new AtomicLong();
    private final LongAdder signNanos = new LongAdder();
    private final LongAdder signed = new LongAdder();

    /** Each worker thread's own persistent connection (client {@code keepalive}). */
    private final ThreadLocal<KeepAliveHttpClient> keepAlive;
    private final String client;

    ProviderCallbackBench(String base, String providerId, Signer signer, int connections, int warmupSeconds,
                          int durationSeconds, int maxPresignPairs, String client) {
        if (!client.equals("keepalive") && !client.equals("jdk")) throw new IllegalArgumentException("--client keepalive|jdk, not " + client);
        this.client = client;
        URI uri = URI.create(base);
        this.keepAlive = ThreadLocal.withInitial(() -> new KeepAliveHttpClient(uri, 10_000));
        this.base = base;
        this.providerId = providerId;
        this.signer = signer;
        this.connections = connections;
        this.warmupSeconds = warmupSeconds;
        this.durationSeconds = durationSeconds;
        this.maxPresignPairs = maxPresignPairs;
    }

    /** One ready-to-send callback: path under {@code /wallet/{providerId}/}, body bytes, headers. */
    record Prepared(String op, byte[] body, String[] headers) { }

    /** A bet and its win, both built and signed. */
    record Pair(Prepared bet, Prepared win) { }

    /** How a provider of one protocol builds and signs a bet and a win. */
    interface Signer {
        String name();

        Pair pair(String player, String tx, String round);
    }

    /** Hub88-style: JSON, {@code X-Hub88-Signature} = Base64 RSA-SHA256 over the raw body. */
    static final class RsaSigner implements Signer {
        private final PrivateKey key;

        RsaSigner(PrivateKey key) {
            this.key = key;
        }

        @Override
        public String name() {
            return "hub88 (RSA-2048)";
        }

        @Override
        public Pair pair(String player, String tx, String round) {
            String bet = "{\"user\":\"" + player + "\",\"request_uuid\":\"" + UUID.randomUUID() + "\",\"game_code\":\"bench\",\"currency\":\"EUR\","
                    + "\"transaction_uuid\":\"" + tx + "\",\"round\":\"" + round + "\",\"round_closed\":false,\"amount\":100000}";
            String win = "{\"user\":\"" + player + "\",\"request_uuid\":\"" + UUID.randomUUID() + "\",\"game_code\":\"bench\",\"currency\":\"EUR\","
                    + "\"transaction_uuid\":\"w" + tx + "\",\"reference_transaction_uuid\":\"" + tx + "\",\"round\":\"" + round
                    + "\",\"round_closed\":true,\"amount\":50000}";
            return new Pair(signed("transaction/bet", bet), signed("transaction/win", win));
        }

        private Prepared signed(String op, String json) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key);
                s.update(bytes);
                return new Prepared(op, bytes, new String[] {"Content-Type", "application/json",
                        "X-Hub88-Signature", Base64.getEncoder().encodeToString(s.sign())});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Pragmatic-style: form post, {@code hash} = lowercase hex MD5 of the sorted {@code k=v&…} plus the secret. */
    static final class Md5Signer implements Signer {
        private final String secret;

        Md5Signer(String secret) {
            this.secret = secret;
        }

        @Override
        public String name() {
            return "pragmatic (MD5 hash)";
        }

        @Override
        public Pair pair(String player, String tx, String round) {
            String ts = String.valueOf(System.currentTimeMillis());
            Map<String, String> bet = new TreeMap<>(Map.of("userId", player, "gameId", "bench", "roundId", round,
                    "amount", "1.00", "reference", tx, "timestamp", ts));
            Map<String, String> win = new TreeMap<>(Map.of("userId", player, "gameId", "bench", "roundId", round,
                    "amount", "0.50", "reference", "w" + tx, "timestamp", ts));
            return new Pair(form("bet.html", bet), form("result.html", win));
        }

        /** The form body with its hash (values here are URL-safe, so the encoded and decoded strings are equal). */
        Prepared form(String op, Map<String, String> sorted) {
            StringBuilder sb = new StringBuilder();
            sorted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
            try {
                byte[] d = MessageDigest.getInstance("MD5").digest((sb + secret).getBytes(StandardCharsets.UTF_8));
                String body = sb + "&hash=" + HexFormat.of().formatHex(d);
                return new Prepared(op, body.getBytes(StandardCharsets.UTF_8),
                        new String[] {"Content-Type", "application/x-www-form-urlencoded"});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Phase {
        final Histogram histogram = new Histogram(60_000_000L, 3);
        final LongAdder callbacks = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        volatile boolean exhausted;

        synchronized void record(long micros) {
            histogram.recordValue(Math.min(micros, 60_000_000L));
        }
    }

    void run() throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        String op = login("operator", "operator");
        List<String> players = new ArrayList<>();
        for (int i = 0; i < connections; i++) players.add(newPlayer(op));
        // warm-up: closed loop, requests signed on the fly, not recorded
        Phase warm = new Phase();
        long tw = System.nanoTime();
        closedLoop(players, warmupSeconds, warm, null);
        double warmPairsPerSecond = warm.callbacks.sum() / 2.0 / ((System.nanoTime() - tw) / 1e9);
        signNanos.reset(); // count the signing cost of the pre-signed pools only (quiet machine, all cores)
        signed.reset();
        int peakPairsPerWorker = (int) Math.min((long) maxPresignPairs / connections,
                Math.max(200, (long) Math.ceil(2.5 * warmPairsPerSecond * durationSeconds / connections)));
        List<Deque<Pair>> peakPool = presign(players, peakPairsPerWorker);
        Phase peak = new Phase();
        long t0 = System.nanoTime();
        double peakSeconds = closedLoop(players, durationSeconds, peak, peakPool);
        double peakRate = peak.callbacks.sum() / peakSeconds;
        double pairsPerSecond = peakRate / 2 / 2; // half of the callback rate, in pairs
        long intervalNanos = (long) (players.size() * 1e9 / Math.max(pairsPerSecond, 1));
        int halfPairsPerWorker = (int) (durationSeconds * 1_000_000_000L / intervalNanos) + 2;
        List<Deque<Pair>> halfPool = presign(players, halfPairsPerWorker);
        Phase half = new Phase();
        long t1 = System.nanoTime();
        paced(players, durationSeconds, intervalNanos, half, halfPool);
        double halfSeconds = (System.nanoTime() - t1) / 1e9;
        long sent = warm.callbacks.sum() + peak.callbacks.sum() + half.callbacks.sum();
        System.err.printf("generator: %s, %s client, %.2f ms CPU per callback sent (whole run, signing included); "
                        + "%d requests pre-signed at %.3f ms each (one thread); peak window %.1f s%s%n",
                signer.name(), client.equals("jdk") ? "JDK HttpClient" : "keep-alive HTTP/1.1", os.getProcessCpuTime() / 1e6 / Math.max(1, sent),
                signed.sum(), signNanos.sum() / 1e6 / Math.max(1, signed.sum()), peakSeconds,
                peak.exhausted ? " (pre-signed pool ran dry: window ended early, rate over the time that ran)" : "");
        System.out.println("| protocol | connections | phase | offered | callbacks/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---|");
        System.out.println(row("peak (closed loop)", "max", peak, peakSeconds));
        System.out.println(row("half of peak (paced)", String.format("%.0f/s", peakRate / 2), half, halfSeconds));
        System.out.printf("CALLBACKS_TOTAL %d%n", warm.callbacks.sum() + peak.callbacks.sum() + half.callbacks.sum());
        System.out.printf("SIGN_MS_PER_REQUEST %.3f%n", signNanos.sum() / 1e6 / Math.max(1, signed.sum()));
    }

    /** {@code pairsPerWorker} pairs for each player, built and signed now on all cores (not in a measured window). */
    private List<Deque<Pair>> presign(List<String> players, int pairsPerWorker) throws Exception {
        List<Deque<Pair>> pools = new ArrayList<>();
        for (int i = 0; i < players.size(); i++) pools.add(new ArrayDeque<>(pairsPerWorker));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < players.size(); w++) {
                Deque<Pair> target = pools.get(w);
                String player = players.get(w);
                done.add(pool.submit(() -> {
                    for (int k = 0; k < pairsPerWorker; k++) target.add(nextPair(player));
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        return pools;
    }

    private Pair nextPair(String player) {
        long n = seq.incrementAndGet();
        long t = System.nanoTime();
        Pair p = signer.pair(player, "bench-" + runId + "-" + n, "round-" + runId + "-" + n);
        signNanos.add(System.nanoTime() - t);
        signed.add(2);
        return p;
    }

    private String row(String phase, String offered, Phase p, double seconds) {
        Histogram h = p.histogram;
        return String.format("| %s | %d | %s | %s | %.0f | %.2f | %.2f | %.2f | %.1f | %s |", signer.name(), connections, phase, offered,
                p.callbacks.sum() / seconds, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, p.errors.isEmpty() ? "none" : new TreeMap<>(p.errors).toString());
    }

    /** Closed loop; with {@code pools}, pre-signed pairs only (a dry pool ends the phase for all). Seconds that ran. */
    private double closedLoop(List<String> players, int seconds, Phase phase, List<Deque<Pair>> pools) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < players.size(); w++) {
            String player = players.get(w);
            Deque<Pair> pool = pools == null ? null : pools.get(w);
            threads.add(started(() -> {
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end || now >= stoppedAt.get()) break;
                    Pair p = pool == null ? nextPair(player) : pool.poll();
                    if (p == null) {
                        phase.exhausted = true;
                        stoppedAt.accumulateAndGet(now, Math::min);
                        break;
                    }
                    pair(p, now, phase);
                }
            }));
        }
        for (Thread t : threads) t.join();
        return (Math.min(System.nanoTime(), Math.min(end, stoppedAt.get())) - start) / 1e9;
    }

    private void paced(List<String> players, int seconds, long intervalNanos, Phase phase, List<Deque<Pair>> pools) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < players.size(); w++) {
            Deque<Pair> pool = pools.get(w);
            long phaseOffset = intervalNanos * w / players.size();
            threads.add(started(() -> {
                for (long k = 0; ; k++) {
                    long due = start + phaseOffset + k * intervalNanos;
                    if (due >= end) break;
                    Pair p = pool.poll();
                    if (p == null) {
                        phase.exhausted = true;
                        break;
                    }
                    long now = System.nanoTime();
                    if (due > now) sleepNanos(due - now);
                    pair(p, due, phase);
                }
            }));
        }
        for (Thread t : threads) t.join();
    }

    private void pair(Pair p, long betDue, Phase phase) {
        if (!callback(p.bet(), betDue, phase)) return;
        callback(p.win(), System.nanoTime(), phase);
    }

    private boolean callback(Prepared c, long intendedStart, Phase phase) {
        String status;
        try {
            int code;
            byte[] answer;
            if (client.equals("keepalive")) {
                KeepAliveHttpClient k = keepAlive.get();
                KeepAliveHttpClient.Response r = k.send(k.postHead("/wallet/" + providerId + "/" + c.op(), c.body().length, c.headers()), c.body());
                code = r.status();
                answer = r.body();
            } else {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/wallet/" + providerId + "/" + c.op())).timeout(Duration.ofSeconds(10))
                        .headers(c.headers()).POST(HttpRequest.BodyPublishers.ofByteArray(c.body())).build();
                HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                code = r.statusCode();
                answer = r.body();
            }
            status = code == 200 ? status(JSON.readTree(answer)) : "HTTP_" + code;
        } catch (Exception e) {
            status = e.getClass().getSimpleName();
        }
        phase.record((System.nanoTime() - intendedStart) / 1000);
        phase.callbacks.increment();
        if (!status.equals("OK")) {
            phase.errors.computeIfAbsent(status, s -> new LongAdder()).increment();
            return false;
        }
        return true;
    }

    /** "OK" for a success answer in either protocol (Hub88 {@code RS_OK}, Pragmatic {@code error: 0}), else the code. */
    static String status(JsonNode j) {
        if (j.has("status")) {
            String s = j.path("status").asText("NO_STATUS");
            return s.equals("RS_OK") ? "OK" : s;
        }
        if (j.has("error")) {
            int e = j.path("error").asInt(-1);
            return e == 0 ? "OK" : "error " + e;
        }
        return "NO_STATUS";
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

    /** A worker thread; its keep-alive connection (if it opened one) is closed when it ends. */
    private Thread started(Runnable r) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } finally {
                keepAlive.get().close();
                keepAlive.remove();
            }
        });
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
