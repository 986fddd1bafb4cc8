package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepAliveHttpClientTest {
    private HttpServer server;
    private URI base;
    private final Set<String> remotePorts = ConcurrentHashMap.newKeySet();
    private final List<String> received = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            synchronized (received) {
                received.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("X-Sig") + " "
                        + new String(in, StandardCharsets.UTF_8));
            }
            remotePorts.add(Integer.toString(ex.getRemoteAddress().getPort()));
            byte[] out = ("echo:" + new String(in, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/close")) ex.getResponseHeaders().set("Connection", "close");
            int status = path.endsWith("/bad") ? 422 : 200;
            // /chunked: length 0 makes the JDK server use chunked transfer coding
            ex.sendResponseHeaders(status, path.endsWith("/chunked") ? 0 : out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void requests_reuse_one_connection_and_read_fixed_length_and_chunked_answers() throws Exception {
        try (KeepAliveHttpClient c = new KeepAliveHttpClient(base, 5000)) {
            byte[] body = "{\"n\":\"Zahlung – 東京\"}".getBytes(StandardCharsets.UTF_8);
            KeepAliveHttpClient.Response a = c.send(c.postHead("/hook/a", body.length, "X-Sig", "v1,abc"), body);
            KeepAliveHttpClient.Response b = c.send(c.postHead("/hook/chunked", 2, "X-Sig", "v1,def"), "hi".getBytes(StandardCharsets.UTF_8));
            KeepAliveHttpClient.Response d = c.send(c.postHead("/hook/bad", 1), "x".getBytes(StandardCharsets.UTF_8));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.bodyText()).isEqualTo("echo:{\"n\":\"Zahlung – 東京\"}");
            assertThat(b.status()).isEqualTo(200);
            assertThat(b.bodyText()).isEqualTo("echo:hi");
            assertThat(d.status()).isEqualTo(422);
            assertThat(d.bodyText()).isEqualTo("echo:x");
        }
        assertThat(remotePorts).hasSize(1);
        assertThat(received).containsExactly("POST /hook/a v1,abc {\"n\":\"Zahlung – 東京\"}", "POST /hook/chunked v1,def hi",
                "POST /hook/bad null x");
    }

    @Test
    void a_connection_close_answer_makes_the_next_request_open_a_new_connection() throws Exception {
        try (KeepAliveHttpClient c = new KeepAliveHttpClient(base, 5000)) {
            assertThat(c.send(c.postHead("/close", 1), "1".getBytes(StandardCharsets.UTF_8)).bodyText()).isEqualTo("echo:1");
            assertThat(c.send(c.postHead("/next", 1), "2".getBytes(StandardCharsets.UTF_8)).bodyText()).isEqualTo("echo:2");
        }
        assertThat(remotePorts).hasSize(2);
    }
}
