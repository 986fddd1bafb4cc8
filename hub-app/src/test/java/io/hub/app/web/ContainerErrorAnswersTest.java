package io.hub.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.HubIntegrationTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests Tomcat refuses before any servlet runs still get the hub's JSON error shape, never an HTML page. */
class ContainerErrorAnswersTest extends HubIntegrationTest {

    private String raw(String requestHead) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_url_with_an_invalid_percent_encoding_is_a_json_400_not_an_html_page() throws Exception {
        String answer = raw("GET /wallet/%zz/balance HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase()).contains("content-type: application/json").doesNotContain("<html");
        assertThat(answer).contains("{\"error\":\"INVALID_MESSAGE\"");
    }

    @Test
    void a_provider_callback_path_with_an_encoded_slash_is_a_json_400_not_an_html_page() throws Exception {
        String answer = raw("POST /wallet/a%2Fb/transaction/bet HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\n\r\n{}");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase()).contains("content-type: application/json").doesNotContain("<html");
        assertThat(answer).contains("\"error\":\"INVALID_MESSAGE\"");
    }
}
