package io.hub.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Webhook intake benchmark: {@code senders} threads each POST signed Standard Webhooks deliveries to
 * {@code POST /webhooks/payments/{gatewayId}} back to back for the measured window, after a warm-up. A share of the
 * deliveries ({@code duplicateShare}) repeats an earlier event (same {@code webhook-id} and body, a fresh timestamp and
 * signature, as a real retry); the rest are new. Accepted = HTTP 200 (verified and stored, or a duplicate answered as a
 * no-op). The event type is {@code bench.ping}, which the hub stores as IGNORED, so the number measures the intake
 * (verify + insert + answer) and not the asynchronous processing.
 *
 * <p>Signing: HMAC-SHA256 over {@code id.timestamp.body} with the base64-decoded {@code whsec_} secret, base64 output
 * (Standard Webhooks v1.0.0); the hub verifies with the reference library.
 *
 * <p>Client: {@code keepalive} (default) sends through {@link KeepAliveHttpClient}, one persistent HTTP/1.1 connection
 * per sender, so the generator takes little of the machine's CPU from the hub; {@code jdk} uses the JDK
 * {@code HttpClient} (the generator of the earlier reports). The report gives the generator's own CPU per delivery.
 *
 * <p>Options: {@code --baseUrl http://127.0.0.1:8080 --gatewayId simpay --secret whsec_… --senders 16
 * --durationSeconds 30 --warmupSeconds 5 --duplicateShare 0.2 --client keepalive|jdk --report bench/reports/webhooks.md
 * --command "…"}.
 */
public final class WebhookBench {
    private WebhookBench() {
    }

    record Options(String baseUrl, String gatewayId, String secret, int senders, int durationSeconds, int warmupSeconds,
                   double duplicateShare, Path report, String command, String client) {
        static Options parse(String[] args) {
            Map<String, String> m = new ConcurrentHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option value, got " + args[i]);
                m.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(m.getOrDefault("baseUrl", "http://127.0.0.1:8080"), m.getOrDefault("gatewayId", "simpay"),
                    required(m, "secret"), Integer.parseInt(m.getOrDefault("senders", "16")),
                    Integer.parseInt(m.getOrDefault("durationSeconds", "30")), Integer.parseInt(m.getOrDefault("warmupSeconds", "5")),
                    Double.parseDouble(m.getOrDefault("duplicateShare", "0.2")),
                    m.containsKey("report") ? Path.of(m.get("report")) : null, m.getOrDefault("command", ""),
                    client(m.getOrDefault("client", "keepalive")));
        }

        private static String client(String c) {
            if (!c.equals("keepalive") && !c.equals("jdk")) throw new IllegalArgumentException("--client keepalive|jdk, not " + c);
            return c;
        }

        private static String required(Map<String, String> m, String k) {
            String v = m.get(k);
            if (v == null) throw new IllegalArgumentException("--" + k + " is required");
            return v;
        }
    }

    /** Counters of one phase. */
    static final class Counters {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong fresh = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(60_000_000L, 3);
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        byte[] key = Base64.getDecoder().decode(o.secret().startsWith("whsec_") ? o.secret().substring(6) : o.secret());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(o.baseUrl() + "/webhooks/payments/" + o.gatewayId());
        String runId = Long.toString(System.currentTimeMillis(), 36);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Counters warm = new Counters();
        Counters measured = new Counters();
        long start = System.nanoTime();
        long warmEnd = start + o.warmupSeconds() * 1_000_000_000L;
        long end = warmEnd + o.durationSeconds() * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < o.senders(); s++) {
            int sender = s;
            Thread t = new Thread(() -> run(o, http, uri, key, runId + "-" + sender, warm, measured, warmEnd, end), "sender-" + s);
            threads.add(t);
            t.start();
        }
        long cpuAtWarmEnd = -1;
        while (System.nanoTime() < warmEnd) Thread.sleep(Math.max(1, Math.min(50, (warmEnd - System.nanoTime()) / 1_000_000)));
        cpuAtWarmEnd = os.getProcessCpuTime();
        for (Thread t : threads) t.join();
        double generatorCpuMsPerDelivery = (os.getProcessCpuTime() - cpuAtWarmEnd) / 1e6 / Math.max(1, measured.accepted.get());

        double seconds = o.durationSeconds();
        double perSecond = measured.accepted.get() / seconds;
        LatencySummary lat = LatencySummary.fromMicros(measured.latencyMicros);
        String section = String.format(Locale.ROOT, """
                ## Webhook intake: %d senders, %.0f %% duplicates

                | | Value |
                |---|---:|
                | Accepted (HTTP 200: verified and stored, or duplicate no-op) per second | **%.0f/s** |
                | Accepted in %d s | %d (new %d, duplicates %d) |
                | Refused (4xx) / errors (5xx, I/O) | %d / %d |
                | Latency p50 / p90 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |
                | Warm-up (%d s, not counted): accepted | %d |
                | Load generator: client, CPU per accepted delivery | %s, %.2f ms |
                | Target | ≥ 2,000/s: %s |

                """, o.senders(), o.duplicateShare() * 100, perSecond, o.durationSeconds(), measured.accepted.get(), measured.fresh.get(),
                measured.duplicates.get(), measured.refused.get(), measured.errors.get(), lat.p50Ms(), lat.p90Ms(), lat.p99Ms(), lat.maxMs(),
                o.warmupSeconds(), warm.accepted.get(), o.client().equals("jdk") ? "JDK HttpClient" : "keep-alive HTTP/1.1 (KeepAliveHttpClient)",
                generatorCpuMsPerDelivery, perSecond >= 2000 ? "met" : "NOT met");
        PrintStream out = System.out;
        out.print(section);
        if (o.report() != null) {
            Files.writeString(o.report(), section, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (measured.errors.get() > 0 || measured.refused.get() > 0) System.exit(1);
    }

    private static void run(Options o, HttpClient http, URI uri, byte[] key, String prefix, Counters warm, Counters measured,
                            long warmEnd, long end) {
        List<String[]> sent = new ArrayList<>();
        long n = 0;
        KeepAliveHttpClient raw = o.client().equals("keepalive") ? new KeepAliveHttpClient(uri, 30_000) : null;
        String path = uri.getRawPath();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                if (raw != null) raw.close();
                return;
            }
            Counters c = now < warmEnd ? warm : measured;
            String[] event;
            boolean duplicate = !sent.isEmpty() && rnd.nextDouble() < o.duplicateShare();
            if (duplicate) {
                event = sent.get(rnd.nextInt(sent.size()));
            } else {
                String id = "msg_bench_" + prefix + "_" + (n++);
                String body = "{\"type\":\"bench.ping\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"id\":\"" + id
                        + "\",\"amount\":1000,\"currency\":\"EUR\",\"note\":\"Zahlung – 東京\"}}";
                event = new String[] {id, body};
                if (sent.size() < 10_000) sent.add(event);
            }
            long ts = Instant.now().getEpochSecond();
            String sig;
            try {
                sig = "v1," + sign(key, event[0] + "." + ts + "." + event[1]);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            long t0 = System.nanoTime();
            try {
                int status;
                String answer;
                if (raw != null) {
                    byte[] body = event[1].getBytes(StandardCharsets.UTF_8);
                    KeepAliveHttpClient.Response r = raw.send(raw.postHead(path, body.length, "Content-Type", "application/json",
                            "webhook-id", event[0], "webhook-timestamp", Long.toString(ts), "webhook-signature", sig), body);
                    status = r.status();
                    answer = r.bodyText();
                } else {
                    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .header("webhook-id", event[0]).header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", sig)
                            .POST(HttpRequest.BodyPublishers.ofString(event[1], StandardCharsets.UTF_8)).build();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode();
                    answer = r.body();
                }
                c.latencyMicros.recordValue(Math.min((System.nanoTime() - t0) / 1000, 60_000_000L));
                if (status == 200) {
                    c.accepted.incrementAndGet();
                    if (answer.contains("\"duplicate\":true")) c.duplicates.incrementAndGet();
                    else c.fresh.incrementAndGet();
                } else if (status < 500) {
                    c.refused.incrementAndGet();
                } else {
                    c.errors.incrementAndGet();
                }
            } catch (IOException e) {
                c.errors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String sign(byte[] key, String signed) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
