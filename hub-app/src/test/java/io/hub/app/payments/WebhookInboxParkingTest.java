package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Poison inbox events (issue 4 leftovers): an event whose processing keeps failing is PARKED after
 * {@code hub.payments.inbox.max-attempts} (3 in the tests) with its last error, a permanent failure parks at once, an
 * unmatched event is never parked; operators list parked events and retry them (Idempotency-Key, audit log).
 */
class WebhookInboxParkingTest extends PaymentsTestSupport {
    @Autowired
    MeterRegistry meters;

    /** Stores an event as the intake would, but with {@code attributes} as given (the poison). */
    long storeEvent(String eventId, String reference, long amountMinor, String attributesJson) {
        return jdbc.queryForObject("INSERT INTO webhook_inbox (channel, endpoint_id, vendor, event_id, event_type, subject, status, reference, "
                        + "amount_minor, currency, attributes, raw_body, occurred_at) VALUES ('payments', 'simpay', 'standard-webhooks', ?, "
                        + "'payment.succeeded', 'PAYMENT', 'SUCCEEDED', ?, ?, 'EUR', ?::json, '\\x7b7d'::bytea, clock_timestamp()) RETURNING id",
                Long.class, eventId, reference, amountMinor, attributesJson);
    }

    Map<String, Object> inboxRow(long id) {
        return jdbc.queryForMap("SELECT state, attempts, failures, last_error, parked_at, outcome FROM webhook_inbox WHERE id = ?", id);
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    PaymentsAudit audit;

    @Test
    void a_poison_event_is_parked_after_max_attempts_with_its_last_error_and_an_operator_retry_processes_it_once_fixed() {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = deposit(token, "25.13").get("depositId").asText();

        // attributes that are not a JSON object: reading the event throws ClassCastException, neither transient nor known
        long id = storeEvent("poison-" + UUID.randomUUID(), "pay_" + depositId, 2_513, "[]");

        await().atMost(Duration.ofSeconds(15)).until(() -> "PARKED".equals(inboxRow(id).get("state")));
        Map<String, Object> row = inboxRow(id);
        assertThat(row.get("failures")).isEqualTo(3);
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat((String) row.get("last_error")).startsWith("ClassCastException: ");
        assertThat(row.get("parked_at")).isNotNull();
        assertThat(row.get("outcome")).isEqualTo("parked after 3 failed attempts");
        assertThat(depositStatus(depositId)).isEqualTo("PENDING");
        assertThat(cashMinor(p.id())).isZero();
        // a parked event stays parked: nothing picks it up again
        long attempts = ((Number) inboxRow(id).get("attempts")).longValue();

        // the operator's list: canonical fields and the error, no raw body
        JsonNode listed = json(get("/operator/webhooks?state=PARKED&limit=500", operatorToken()).body());
        JsonNode mine = null;
        for (JsonNode e : listed) if (e.get("id").asLong() == id) mine = e;
        assertThat(mine).as(listed.toString()).isNotNull();
        assertThat(mine.get("state").asText()).isEqualTo("PARKED");
        assertThat(mine.get("failures").asInt()).isEqualTo(3);
        assertThat(mine.get("amount").asText()).isEqualTo("25.13");
        assertThat(mine.get("currency").asText()).isEqualTo("EUR");
        assertThat(mine.get("lastError").asText()).startsWith("ClassCastException: ");
        assertThat(mine.has("rawBody")).isFalse();
        assertThat(get("/operator/webhooks?state=PARKED", token).statusCode()).as("players may not look").isEqualTo(403);
        assertThat(((Number) inboxRow(id).get("attempts")).longValue()).isEqualTo(attempts);

        // the cause is fixed (here: the event's attributes), then the operator retries it; a retry needs an Idempotency-Key
        jdbc.update("UPDATE webhook_inbox SET attributes = ?::json WHERE id = ?", "{\"metadata.depositId\":\"" + depositId + "\"}", id);
        assertThat(postWithoutIdempotencyKey("/operator/webhooks/" + id + "/retry", "", operatorToken()).statusCode()).isEqualTo(400);
        String key = "retry-" + UUID.randomUUID();
        HttpResponse<String> retried = post("/operator/webhooks/" + id + "/retry", "", operatorToken(), "Idempotency-Key", key);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        JsonNode view = json(retried.body());
        assertThat(view.get("state").asText()).isEqualTo("RECEIVED");
        assertThat(view.get("failures").asInt()).isZero();
        assertThat(view.get("outcome").asText()).isEqualTo("retry requested by operator");
        HttpResponse<String> replay = post("/operator/webhooks/" + id + "/retry", "", operatorToken(), "Idempotency-Key", key);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(retried.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");

        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(inboxRow(id).get("state")));
        assertThat(depositStatus(depositId)).isEqualTo("SUCCEEDED");
        assertThat(cashMinor(p.id())).isEqualTo(2_513);
        Map<String, Object> audit = jdbc.queryForMap("SELECT actor, action, detail::text AS detail FROM audit_log WHERE target = ?", "webhook:" + id);
        assertThat(audit.get("actor")).isEqualTo("operator");
        assertThat(audit.get("action")).isEqualTo("WEBHOOK_RETRIED");
        JsonNode detail = json((String) audit.get("detail"));
        assertThat(detail.at("/before/state").asText()).isEqualTo("PARKED");
        assertThat(detail.at("/before/failures").asInt()).isEqualTo(3);
        assertThat(detail.at("/after/state").asText()).isEqualTo("RECEIVED");
        assertThat(detail.at("/after/failures").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE target = ?", Long.class, "webhook:" + id)).isEqualTo(1);

        // only a PARKED event can be retried; an unknown id is 404
        HttpResponse<String> again = post("/operator/webhooks/" + id + "/retry", "", operatorToken());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).get("error").asText()).isEqualTo("INVALID_STATE");
        assertThat(post("/operator/webhooks/999999999/retry", "", operatorToken()).statusCode()).isEqualTo(404);
        assertThat(get("/operator/webhooks?state=BOGUS", operatorToken()).statusCode()).isEqualTo(400);
        assertLedgerBalanced();
    }

    @Test
    void a_permanent_failure_parks_the_event_at_once_without_using_up_attempts() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = deposit(token, "31.13").get("depositId").asText();
        // the success of an EUR deposit reported in USD: nothing is converted or rounded, the event waits for an operator
        String msgId = "msg_" + UUID.randomUUID();
        String usd = paymentEvent("payment.succeeded", "pay_" + depositId, null, 3_113, depositId).replace("\"EUR\"", "\"USD\"");
        assertThat(sendStandard(msgId, usd).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> "PARKED".equals(jdbc.queryForObject(
                "SELECT state FROM webhook_inbox WHERE event_id = ?", String.class, msgId)));
        Map<String, Object> row = jdbc.queryForMap("SELECT failures, attempts, last_error, outcome FROM webhook_inbox WHERE event_id = ?", msgId);
        assertThat(row.get("failures")).isEqualTo(1);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("outcome")).isEqualTo("parked: permanent failure");
        assertThat(row.get("last_error")).isEqualTo("PermanentInboxFailure: CURRENCY_MISMATCH: event " + msgId + " is in USD, deposit "
                + depositId + " in EUR");
        assertThat(depositStatus(depositId)).isEqualTo("PENDING");
        assertThat(cashMinor(p.id())).isZero();
        assertLedgerBalanced();
    }

    /**
     * The parking metrics, on an InboxParking of its own (its own registry and a one-hour retry delay): in the test JVM
     * other cached hub contexts process the same inbox, so the shared bean's counters may count another node's parking.
     */
    @Test
    void parkings_are_counted_by_cause_and_the_gauge_counts_the_parked_events() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        PaymentsProperties slow = new PaymentsProperties("simpay", Duration.ofSeconds(300), Map.of(), Map.of(), paymentsProperties.kyc(),
                Map.of(), new PaymentsProperties.Inbox(100, 100, Duration.ofHours(1), Duration.ofHours(2), Duration.ofSeconds(1), 3, 5000),
                paymentsProperties.gatewayCall(), paymentsProperties.withdrawalHoldTimeout());
        InboxParking own = new InboxParking(jdbc, tx, slow, audit, registry);
        // stored as DEFERRED until tomorrow: no inbox route picks them up, only the calls below touch them
        long counted = storeEvent("count-" + UUID.randomUUID(), "pay_none", 100, "{}");
        long permanent = storeEvent("perm-" + UUID.randomUUID(), "pay_none", 100, "{}");
        jdbc.update("UPDATE webhook_inbox SET state = 'DEFERRED', next_attempt_at = clock_timestamp() + interval '1 day' WHERE id IN (?, ?)",
                counted, permanent);

        own.failed(counted, new ClassCastException("one"));
        own.failed(counted, new ClassCastException("two"));
        own.failed(counted, new org.springframework.dao.CannotAcquireLockException("deadlock detected")); // transient: not counted
        assertThat(inboxRow(counted).get("state")).isEqualTo("RECEIVED");
        assertThat(inboxRow(counted).get("failures")).isEqualTo(2);
        assertThat(inboxRow(counted).get("last_error")).isEqualTo("CannotAcquireLockException: deadlock detected");
        assertThat(jdbc.queryForObject("SELECT next_attempt_at > clock_timestamp() + interval '50 minutes' FROM webhook_inbox WHERE id = ?",
                Boolean.class, counted)).isTrue();
        own.failed(counted, new ClassCastException("three"));
        own.failed(permanent, new PermanentInboxFailure("REFUND_EXCEEDS_DEPOSIT", "x"));

        assertThat(inboxRow(counted).get("state")).isEqualTo("PARKED");
        assertThat(inboxRow(counted).get("failures")).isEqualTo(3);
        assertThat(inboxRow(counted).get("last_error")).isEqualTo("ClassCastException: three");
        assertThat(inboxRow(permanent).get("state")).isEqualTo("PARKED");
        assertThat(inboxRow(permanent).get("failures")).isEqualTo(1);
        assertThat(registry.get("hub.payments.inbox.parkings").tag("cause", "attempts").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("hub.payments.inbox.parkings").tag("cause", "permanent").counter().count()).isEqualTo(1.0);
        own.refreshParked();
        assertThat(registry.get("hub.payments.inbox.parked").gauge().value())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE state = 'PARKED'", Long.class).doubleValue());
        // the hub's own gauge is registered under the same name
        assertThat(meters.get("hub.payments.inbox.parked").gauge()).isNotNull();
        // a failure reported for an event that is no longer active (parked, processed) changes nothing
        own.failed(permanent, new ClassCastException("late"));
        assertThat(inboxRow(permanent).get("failures")).isEqualTo(1);
        assertThat(registry.get("hub.payments.inbox.parkings").tag("cause", "attempts").counter().count()).isEqualTo(1.0);
    }

    @Test
    void an_unmatched_event_is_retried_with_the_capped_delay_and_never_parked() throws Exception {
        String msgId = "msg_" + UUID.randomUUID();
        String orphan = paymentEvent("payment.succeeded", "pay_nobody_" + UUID.randomUUID(), null, 1_000, UUID.randomUUID().toString());
        assertThat(sendStandard(msgId, orphan).statusCode()).isEqualTo(200);

        // more tries than max-attempts (3): still waiting for its record, never parked, never dropped
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT attempts FROM webhook_inbox WHERE event_id = ?", Integer.class, msgId) >= 5);
        Map<String, Object> row = jdbc.queryForMap("SELECT state, failures, parked_at, next_attempt_at > clock_timestamp() AS later "
                + "FROM webhook_inbox WHERE event_id = ?", msgId);
        assertThat(row.get("state")).isEqualTo("UNMATCHED");
        assertThat(row.get("failures")).isEqualTo(0);
        assertThat(row.get("parked_at")).isNull();
        // the delay is capped (2 s in the tests): the next try is never more than the cap away
        assertThat(jdbc.queryForObject("SELECT next_attempt_at <= clock_timestamp() + interval '2 seconds' FROM webhook_inbox WHERE event_id = ?",
                Boolean.class, msgId)).isTrue();
        HttpResponse<String> retry = post("/operator/webhooks/" + jdbc.queryForObject("SELECT id FROM webhook_inbox WHERE event_id = ?",
                Long.class, msgId) + "/retry", "", operatorToken());
        assertThat(retry.statusCode()).as("an unmatched event is retried by the inbox itself").isEqualTo(409);
    }
}
