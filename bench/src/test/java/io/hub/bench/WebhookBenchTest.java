package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookBenchTest {

    @Test
    void the_bench_signs_like_the_published_standard_webhooks_vector() throws Exception {
        // standard-webhooks/standard-webhooks: libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java
        byte[] key = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat("v1," + WebhookBench.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
