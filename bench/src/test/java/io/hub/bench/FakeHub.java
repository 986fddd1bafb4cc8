package io.hub.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the hub, JDK only (raw sockets, HTTP/1.1 + RFC 6455 text frames), speaking just enough of the protocol in
 * bench/README.md to exercise {@link LobbyBench} end to end without the real hub. It answers on 127.0.0.1 only.
 *
 * <p>Test scope. Also runnable ({@code main}) to check the load generator's own overhead at high socket counts.
 */
final class FakeHub implements AutoCloseable {

    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ObjectMapper json = new ObjectMapper();
    private final ServerSocket server;
    private final ScheduledExecutorService delayer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-hub-delay");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> players = new ConcurrentHashMap<>(); // username -> playerId
    private final Map<String, String> wsTokens = new ConcurrentHashMap<>(); // token -> username
    private final AtomicLong spins = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private volatile long serviceMillis;
    private volatile int errorEvery; // 0 = never
    private volatile boolean running = true;

    FakeHub(long serviceMillis, int errorEvery) throws IOException {
        this(serviceMillis, errorEvery, 0);
    }

    FakeHub(long serviceMillis, int errorEvery, int port) throws IOException {
        this.serviceMillis = serviceMillis;
        this.errorEvery = errorEvery;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        Thread acceptor = new Thread(this::acceptLoop, "fake-hub-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    long spins() {
        return spins.get();
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        delayer.shutdownNow();
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "fake-hub-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    // ---- HTTP ----

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (running) {
                String requestLine = readLine(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                String[] parts = requestLine.split(" ");
                String method = parts[0];
                URI uri = URI.create(parts[1]);
                if ("websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                    upgrade(in, out, uri, headers);
                    return;
                }
                respond(out, method, uri.getPath(), body);
            }
        } catch (Exception e) {
            // connection gone
        }
    }

    private void respond(OutputStream out, String method, String path, String body) throws IOException {
        JsonNode req = body.isEmpty() ? json.createObjectNode() : json.readTree(body);
        if (method.equals("POST") && path.equals("/auth/login")) {
            String username = req.path("username").asText();
            String playerId = players.getOrDefault(username, "00000000-0000-0000-0000-000000000000");
            String ws = "ws-" + tokens.incrementAndGet();
            wsTokens.put(ws, username);
            write(out, 200, json.writeValueAsString(Map.of("accessToken", jwt(playerId), "tokenType", "Bearer",
                    "expiresIn", 900, "wsToken", ws)));
        } else if (method.equals("POST") && path.equals("/operator/players")) {
            String username = req.path("username").asText();
            String id = UUID.randomUUID().toString();
            if (players.putIfAbsent(username, id) != null) {
                write(out, 409, "{\"error\":\"exists\"}");
            } else {
                write(out, 201, json.writeValueAsString(Map.of("playerId", id, "username", username,
                        "currency", req.path("currency").asText(), "balance", "0.00")));
            }
        } else if (method.equals("POST") && path.startsWith("/operator/players/") && path.endsWith("/adjustments")) {
            write(out, 201, json.writeValueAsString(Map.of("transactionId", UUID.randomUUID().toString(),
                    "balance", req.path("amount").asText(), "currency", "EUR")));
        } else if (method.equals("GET") && path.equals("/games/list")) {
            write(out, 200, "[{\"gameId\":\"other\",\"provider\":\"acme\",\"minBet\":\"0.10\",\"maxBet\":\"5.00\"},"
                    + "{\"gameId\":\"red-white-blue\",\"name\":\"Red White Blue\",\"provider\":\"hub\",\"type\":\"slot\","
                    + "\"minBet\":\"0.10\",\"maxBet\":\"100.00\",\"currency\":\"EUR\",\"rtp\":\"0.8658\"}]");
        } else if (method.equals("GET") && path.equals("/actuator/health/readiness")) {
            write(out, 200, "{\"status\":\"UP\"}");
        } else if (method.equals("GET") && path.equals("/actuator/prometheus")) {
            Runtime rt = Runtime.getRuntime();
            write(out, 200, "# TYPE jvm_memory_used_bytes gauge\n"
                    + "jvm_memory_used_bytes{area=\"heap\",id=\"all\"} " + (rt.totalMemory() - rt.freeMemory()) + "\n"
                    + "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 4.2E7\n"
                    + "process_cpu_usage 0.5\nprocess_uptime_seconds 12.0\n");
        } else {
            write(out, 404, "{}");
        }
    }

    private String jwt(String playerId) throws IOException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(json.writeValueAsBytes(Map.of("sub", playerId))) + ".sig";
    }

    private static void write(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + (body.startsWith("{") || body.startsWith("[")
                ? "application/json" : "text/plain") + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = line.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    // ---- WebSocket ----

    private void upgrade(InputStream in, OutputStream out, URI uri, Map<String, String> headers) throws Exception {
        String token = uri.getQuery() == null ? "" : uri.getQuery().replaceFirst("^token=", "");
        if (wsTokens.remove(token) == null) { // single use
            write(out, 401, "{}");
            return;
        }
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((headers.get("sec-websocket-key") + WS_GUID).getBytes(StandardCharsets.US_ASCII)));
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        sendFrame(out, 0x1, "{\"type\":\"balance\",\"balance\":\"1000.00\",\"currency\":\"EUR\"}");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (running) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return;
            }
            int opcode = b0 & 0x0F;
            long len = b1 & 0x7F;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | in.read();
                }
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) len);
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            switch (opcode) {
                case 0x8 -> { // close: echo and stop
                    synchronized (out) {
                        writeFrame(out, 0x8, payload);
                    }
                    return;
                }
                case 0x9 -> {
                    synchronized (out) {
                        writeFrame(out, 0xA, payload);
                    }
                }
                case 0x1, 0x0 -> {
                    message.write(payload);
                    if ((b0 & 0x80) != 0) {
                        onText(out, message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
                default -> {
                }
            }
        }
    }

    private void onText(OutputStream out, String text) throws IOException {
        JsonNode req = json.readTree(text);
        long n = spins.incrementAndGet();
        ObjectNode reply = json.createObjectNode();
        reply.put("requestId", req.path("requestId").asText());
        if (errorEvery > 0 && n % errorEvery == 0) {
            reply.put("type", "error");
            reply.put("code", "RATE_LIMITED");
            reply.put("message", "slow down");
        } else {
            reply.put("type", "spinResult");
            reply.put("roundId", UUID.randomUUID().toString());
            reply.set("result", json.readTree("[[1,2,3],[4,5,6],[7,8,9]]"));
            reply.put("payout", "0.00");
            reply.put("balance", "999.00");
            reply.put("currency", "EUR");
        }
        String s = reply.toString();
        Runnable send = () -> {
            try {
                sendFrame(out, 0x1, s);
                if (n % 7 == 0) {
                    sendFrame(out, 0x1, "{\"type\":\"balance\",\"balance\":\"999.00\",\"currency\":\"EUR\"}");
                }
            } catch (IOException e) {
                // client gone
            }
        };
        if (serviceMillis > 0) {
            delayer.schedule(send, serviceMillis, TimeUnit.MILLISECONDS);
        } else {
            send.run();
        }
    }

    private static void sendFrame(OutputStream out, int opcode, String text) throws IOException {
        synchronized (out) {
            writeFrame(out, opcode, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
        f.write(0x80 | opcode);
        if (payload.length < 126) {
            f.write(payload.length);
        } else if (payload.length < 65536) {
            f.write(126);
            f.write(payload.length >>> 8);
            f.write(payload.length & 0xFF);
        } else {
            f.write(127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
            }
        }
        f.write(payload);
        out.write(f.toByteArray());
        out.flush();
    }

    /**
     * Serves until killed and prints its base URL. Options: {@code --server.port=N} (default: any free port),
     * {@code --fake.service-millis=N}, {@code --fake.error-every=N}; anything else (the hub's own options) is ignored,
     * so it can stand in for the hub jar when trying out run-lobby-bench.sh.
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        long serviceMillis = 0;
        int errorEvery = 0;
        for (String a : args) {
            if (a.startsWith("--server.port=")) {
                port = Integer.parseInt(a.substring("--server.port=".length()));
            } else if (a.startsWith("--fake.service-millis=")) {
                serviceMillis = Long.parseLong(a.substring("--fake.service-millis=".length()));
            } else if (a.startsWith("--fake.error-every=")) {
                errorEvery = Integer.parseInt(a.substring("--fake.error-every=".length()));
            }
        }
        FakeHub hub = new FakeHub(serviceMillis, errorEvery, port);
        System.out.println(hub.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
