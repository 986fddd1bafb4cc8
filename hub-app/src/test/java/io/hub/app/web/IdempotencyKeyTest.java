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
                subject, key, IdempotencyFilter.fingerprint("POST", "/payments/deposits", "application/json", BODY.getBytes(StandardCharsets.UTF_8)));

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

    @Test
    void a_retry_re_serialised_with_other_member_order_and_spacing_replays_but_another_number_spelling_is_another_request() {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String key = "k-" + UUID.randomUUID();

        HttpResponse<String> first = post("/payments/deposits", BODY, token, "Idempotency-Key", key);
        HttpResponse<String> reordered = post("/payments/deposits", "{ \"currency\" : \"EUR\",\n  \"amount\" : \"5.13\" }", token, "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(201);
        assertThat(reordered.body()).isEqualTo(first.body());
        assertThat(reordered.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(deposits(p.id())).isEqualTo(1);
        // canonical form keeps values exactly: 5.130 is not the request 5.13 was
        assertThat(post("/payments/deposits", "{\"amount\":\"5.130\",\"currency\":\"EUR\"}", token, "Idempotency-Key", key).statusCode())
                .isEqualTo(422);
        assertThat(IdempotencyFilter.fingerprint("POST", "/x", "application/json", "{\"a\":1.10}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(IdempotencyFilter.fingerprint("POST", "/x", "application/json", "{\"a\":1.1}".getBytes(StandardCharsets.UTF_8)));
        // a body with a duplicate member name is not canonicalised: compared byte for byte
        assertThat(IdempotencyFilter.canonicalJson("application/json", "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void a_request_refused_as_invalid_is_not_stored_so_the_corrected_request_may_reuse_its_key() {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String key = "k-" + UUID.randomUUID();

        HttpResponse<String> invalid = post("/payments/deposits", "{\"amount\":\"5.131\",\"currency\":\"EUR\"}", token, "Idempotency-Key", key);
        HttpResponse<String> corrected = post("/payments/deposits", BODY, token, "Idempotency-Key", key);

        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(deposits(p.id())).isEqualTo(1);
        // and a request that ran and was refused for a business reason is stored (same key, same body: same answer)
        String wkey = "w-" + UUID.randomUUID();
        HttpResponse<String> refused = post("/payments/withdrawals", "{\"amount\":\"99999.00\",\"currency\":\"EUR\"}", token, "Idempotency-Key", wkey);
        HttpResponse<String> replay = post("/payments/withdrawals", "{\"amount\":\"99999.00\",\"currency\":\"EUR\"}", token, "Idempotency-Key", wkey);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused.body()).get("message").asText()).as("says what can be withdrawn").isEqualTo("insufficient funds: 0.00 EUR can be withdrawn");
        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    }
}
