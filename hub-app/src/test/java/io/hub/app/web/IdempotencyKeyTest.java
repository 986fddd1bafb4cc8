package io.hub.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hub-wide Idempotency-Key semantics (draft-ietf-httpapi-idempotency-key-header) on a player endpoint
 * ({@code POST /payments/deposits}) and an operator endpoint: missing → 400, same key and body → the stored response,
 * other body → 422, in flight → 409; keys are per caller; login and webhooks need none.
 */
class IdempotencyKeyTest extends HubIntegrationTest {
    private static final String BODY = "{\"amount\":\"5.13\",\"currency\":\"EUR\"}";

    private long deposits(UUID player) {
        return jdbc.queryForObject("SELECT count(*) FROM deposit WHERE player_id = ?", Long.class, player);
    }

    @Test
    void missing_key_is_400_and_nothing_happens() {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        HttpResponse<String> r = postWithoutIdempotencyKey("/payments/deposits", BODY, token);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("MISSING_FIELD");
        assertThat(json(r.body()).get("message").asText()).isEqualTo("header Idempotency-Key is required");
        assertThat(deposits(p.id())).isZero();
        HttpResponse<String> op = postWithoutIdempotencyKey("/operator/players", "{}", operatorToken());
        assertThat(op.statusCode()).isEqualTo(400);
    }

    @Test
    void same_key_and_body_replays_the_stored_response_and_another_body_is_422() {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String key = "k-" + UUID.randomUUID();

        HttpResponse<String> first = post("/payments/deposits", BODY, token, "Idempotency-Key", key);
        HttpResponse<String> again = post("/payments/deposits", BODY, token, "Idempotency-Key", "\"" + key + "\""); // sf-string form
        HttpResponse<String> other = post("/payments/deposits", "{\"amount\":\"500.13\",\"currency\":\"EUR\"}", token, "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other.body()).get("error").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(deposits(p.id())).isEqualTo(1);

        // the same key from another caller is another request
        TestPlayer q = newPlayer("EUR", "0");
        HttpResponse<String> theirs = post("/payments/deposits", BODY, login(q.username(), q.password()).accessToken(), "Idempotency-Key", key);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(json(theirs.body()).get("depositId").asText()).isNotEqualTo(json(first.body()).get("depositId").asText());
    }

    @Test
    void a_retry_while_the_first_request_is_in_flight_is_409() {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String key = "k-" + UUID.randomUUID();
        String subject = jdbc.queryForObject("SELECT subject FROM app_user WHERE id = ?", String.class, p.id());
        // the first request has registered its key and is still running (no answer stored yet)
        jdbc.update("INSERT INTO idempotency_record (caller, idem_key, fingerprint, method, path) VALUES (?, ?, ?, 'POST', '/payments/deposits')",
                subject, key, IdempotencyFilter.fingerprint("POST", "/payments/deposits", BODY.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> r = post("/payments/deposits", BODY, token, "Idempotency-Key", key);

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("REQUEST_IN_PROGRESS");
        assertThat(deposits(p.id())).isZero();
    }

    @Test
    void login_needs_no_key() {
        TestPlayer p = newPlayer("EUR", "0");
        assertThat(postWithoutIdempotencyKey("/auth/login", "{\"username\":\"" + p.username() + "\",\"password\":\"" + p.password() + "\"}", null)
                .statusCode()).isEqualTo(200);
    }
}
