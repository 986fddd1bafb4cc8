package io.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.contracts.payments.WebhookIntakePort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The intake route hands the exact bytes and the headers to the port and answers only with the port's status and body. */
class PaymentWebhookRouteTest {

    static final class RecordingIntake implements WebhookIntakePort {
        final List<Object[]> calls = new ArrayList<>();
        int processed;

        @Override
        public Answer receive(String channel, String endpointId, Map<String, Object> headers, byte[] rawBody) {
            calls.add(new Object[] {channel, endpointId, headers, rawBody});
            if (endpointId.equals("boom")) throw new IllegalStateException("database down");
            return new Answer(endpointId.equals("bad") ? 401 : 200, "{\"received\":true}");
        }

        @Override
        public int processInbox(int max) {
            return processed++;
        }
    }

    @Test
    void passes_the_raw_bytes_unchanged_and_answers_with_the_ports_status_without_echoing_headers() throws Exception {
        RecordingIntake intake = new RecordingIntake();
        byte[] body = "{\n  \"name\": \"Jürgen – 東京\"\n}\n".getBytes(StandardCharsets.UTF_8);
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addRoutes(new PaymentWebhookRoute(intake, "direct:pay", "direct:kyc"));
            ctx.start();
            ProducerTemplate t = ctx.createProducerTemplate();
            Exchange ok = t.request("direct:pay", e -> {
                e.getMessage().setBody(body);
                e.getMessage().setHeader("endpointId", "simpay");
                e.getMessage().setHeader("webhook-id", "msg_1");
            });
            Exchange bad = t.request("direct:kyc", e -> {
                e.getMessage().setBody(body);
                e.getMessage().setHeader("endpointId", "bad");
            });
            Exchange failed = t.request("direct:pay", e -> {
                e.getMessage().setBody(body);
                e.getMessage().setHeader("endpointId", "boom");
            });

            assertThat(intake.calls).hasSize(3);
            assertThat(intake.calls.get(0)[0]).isEqualTo("payments");
            assertThat(intake.calls.get(0)[1]).isEqualTo("simpay");
            assertThat((byte[]) intake.calls.get(0)[3]).isEqualTo(body);
            assertThat(((Map<?, ?>) intake.calls.get(0)[2]).get("webhook-id")).isEqualTo("msg_1");
            assertThat(intake.calls.get(1)[0]).isEqualTo("kyc");
            assertThat(ok.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
            assertThat(ok.getMessage().getHeader("webhook-id")).isNull();
            assertThat(ok.getMessage().getBody(String.class)).isEqualTo("{\"received\":true}");
            assertThat(bad.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
            assertThat(failed.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
            assertThat(failed.getException()).isNull();
        }
    }
}
