package io.hub.app.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.payments.CanonicalStatus;
import io.hub.contracts.payments.KycStatus;
import io.hub.contracts.payments.PaymentStatus;
import io.hub.contracts.payments.VerifiedWebhook;
import io.hub.contracts.payments.WebhookIntakePort;
import io.hub.contracts.payments.WebhookOutcome;
import io.hub.contracts.payments.WebhookRejected;
import io.hub.contracts.payments.WebhookSubject;
import io.hub.payments.WebhookAdapter;
import io.hub.payments.WebhookHeaders;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook inbox (payments.md §0, §2, §3.4 rule 1) behind {@code io.hub.routes.PaymentWebhookRoute}.
 *
 * <p>{@link #receive}: verify with the endpoint's adapter on the exact raw bytes (signature, two-sided timestamp, several
 * secrets) before any parsing; a rejection answers 401 (bad signature) or 400 (missing / malformed header, stale or
 * future timestamp, unsupported algorithm, malformed body) and stores nothing; a verified event is inserted with
 * {@code ON CONFLICT DO NOTHING} on (endpoint, event id), batched with concurrent deliveries into one statement and commit
 * ({@link InboxBatchWriter}), and answered 200 after that commit {@code {"received":true,"duplicate":false}} at
 * once; a duplicate (also a concurrent one, which loses on the unique key) is 200 {@code "duplicate":true} and changes
 * nothing. An endpoint id that is not configured is 404 (there is no such endpoint); an unknown <em>payment</em> is
 * never a 404: it is stored and processed later.
 *
 * <p>{@link #processInbox}: due events (RECEIVED, and UNMATCHED / DEFERRED ones whose retry time has come), each in its
 * own transaction with the row locked ({@code FOR UPDATE SKIP LOCKED}, so several nodes share the work), applied to the
 * deposit, withdrawal or KYC state machine together with its ledger postings and outbox events. An event that matches
 * nothing is kept UNMATCHED and retried with a doubling delay (capped), never dropped. An event whose processing throws
 * is handed to {@link InboxParking}: retried when the failure is transient, PARKED for an operator at once when it is
 * permanent, or after {@code hub.payments.inbox.max-attempts} failures otherwise.
 */
@Service
public class WebhookInbox implements WebhookIntakePort {
    private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);
    private static final long RESUME_EVERY_MS = 2000;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WebhookEndpoints endpoints;
    private final DepositService deposits;
    private final WithdrawalService withdrawals;
    private final KycService kyc;
    private final PaymentsProperties props;
    private final ObjectMapper json;
    private final AtomicLong lastResume = new AtomicLong();
    private final InboxBatchWriter writer;
    private final InboxParking parking;

    public WebhookInbox(JdbcTemplate jdbc, TransactionTemplate tx, WebhookEndpoints endpoints, DepositService deposits,
                        WithdrawalService withdrawals, KycService kyc, PaymentsProperties props, ObjectMapper json,
                        InboxBatchWriter writer, InboxParking parking) {
        this.parking = parking;
        this.jdbc = jdbc;
        this.writer = writer;
        this.tx = tx;
        this.endpoints = endpoints;
        this.deposits = deposits;
        this.withdrawals = withdrawals;
        this.kyc = kyc;
        this.props = props;
        this.json = json;
    }

    @Override
    public Answer receive(String channel, String endpointId, Map<String, Object> headers, byte[] rawBody) {
        Optional<WebhookAdapter> adapter = endpoints.adapter(channel, endpointId);
        if (adapter.isEmpty()) return error(404, "UNKNOWN_ENDPOINT", "no " + channel + " webhook endpoint '" + endpointId + "'");
        WebhookOutcome outcome = adapter.get().receive(WebhookHeaders.of(headers), rawBody);
        if (outcome instanceof WebhookRejected r) {
            log.warn("webhook {}/{} rejected: {} ({})", channel, endpointId, r.reason(), r.detail());
            return error(r.reason() == WebhookRejected.Reason.BAD_SIGNATURE ? 401 : 400, r.reason().name(), r.detail());
        }
        VerifiedWebhook v = (VerifiedWebhook) outcome;
        boolean inserted = writer.insert(new InboxBatchWriter.Row(channel, endpointId, v.vendor(), v.eventId(), v.eventType(),
                v.subject().name(), statusName(v.status()), v.reference().orElse(null), v.amount().map(Money::amountMinor).orElse(null),
                v.amount().map(m -> m.currency().code()).orElse(null), toJson(v.attributes()), v.rawBody(),
                Timestamp.from(v.occurredAt()), v.status().ignored() ? "IGNORED" : "RECEIVED"));
        return new Answer(200, "{\"received\":true,\"duplicate\":" + !inserted + "}");
    }

    private static String statusName(CanonicalStatus s) {
        return ((Enum<?>) s).name();
    }

    @Override
    public int processInbox(int max) {
        List<Long> due = jdbc.queryForList("SELECT id FROM webhook_inbox WHERE state IN ('RECEIVED', 'UNMATCHED', 'DEFERRED') "
                + "AND next_attempt_at <= clock_timestamp() ORDER BY occurred_at, id LIMIT ?", Long.class, max);
        int done = 0;
        for (Long id : due) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> processOne(id)))) done++;
            } catch (RuntimeException e) {
                parking.failed(id, e); // retried later, or PARKED (permanent, or out of attempts)
            }
        }
        resumeNowAndThen();
        return done;
    }

    private void resumeNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastResume.get();
        if (now - last < RESUME_EVERY_MS || !lastResume.compareAndSet(last, now)) return;
        try {
            deposits.resumeUnsubmitted(20);
            withdrawals.resumeUnsubmitted(20);
        } catch (RuntimeException e) {
            log.warn("resuming gateway submissions failed", e);
        }
    }

    private Boolean processOne(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM webhook_inbox WHERE id = ? AND state IN ('RECEIVED', 'UNMATCHED', 'DEFERRED') "
                + "FOR UPDATE SKIP LOCKED", id);
        if (rows.isEmpty()) return false; // another node has it, or it is done
        Map<String, Object> row = rows.get(0);
        VerifiedWebhook event = event(row);
        String channel = (String) row.get("channel");
        String endpointId = (String) row.get("endpoint_id");
        Optional<InboxOutcome> outcome;
        if (WebhookIntakePort.KYC.equals(channel)) {
            outcome = kyc.apply(endpointId, event, withdrawals).map(InboxOutcome::processed);
        } else if (event.status().ignored() || event.subject() == WebhookSubject.OTHER) {
            outcome = Optional.of(InboxOutcome.ignored("no state change for " + event.eventType()));
        } else if (event.subject() == WebhookSubject.PAYOUT) {
            outcome = withdrawals.apply(endpointId, event);
        } else {
            outcome = deposits.apply(endpointId, event);
        }
        if (outcome.isEmpty()) {
            reschedule(id, "unmatched: no record for reference " + event.reference().orElse("(none)"), "UNMATCHED");
            return true;
        }
        InboxOutcome o = outcome.get();
        if (o.state().equals("DEFERRED")) {
            reschedule(id, o.text(), "DEFERRED");
        } else {
            jdbc.update("UPDATE webhook_inbox SET state = ?, outcome = ?, attempts = attempts + 1, processed_at = clock_timestamp() WHERE id = ?",
                    o.state(), o.text(), id);
        }
        log.info("inbox {} {} {}: {}", id, event.eventType(), event.eventId(), o.text());
        return true;
    }

    /** Keeps the event for a later attempt: the delay doubles per attempt up to the configured cap. */
    private void reschedule(long id, String outcome, String state) {
        Integer attempts = jdbc.queryForObject("SELECT attempts FROM webhook_inbox WHERE id = ?", Integer.class, id);
        Duration delay = InboxParking.retryDelay(attempts == null ? 0 : attempts, props);
        jdbc.update("UPDATE webhook_inbox SET state = ?, outcome = ?, attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
                state, outcome, Timestamp.from(Instant.now().plus(delay)), id);
    }

    /** The stored event as the adapter produced it (the raw bytes stay in the row; they are not needed again). */
    private VerifiedWebhook event(Map<String, Object> row) {
        String channel = (String) row.get("channel");
        String status = (String) row.get("status");
        CanonicalStatus canonical = WebhookIntakePort.KYC.equals(channel) ? KycStatus.valueOf(status) : PaymentStatus.valueOf(status);
        Long amountMinor = (Long) row.get("amount_minor");
        String currency = row.get("currency") == null ? null : ((String) row.get("currency")).trim();
        Optional<Money> amount = amountMinor == null || currency == null ? Optional.empty()
                : Optional.of(Money.ofMinor(amountMinor, CurrencyUnit.of(currency)));
        Map<String, String> attributes = new LinkedHashMap<>();
        try {
            ObjectNode node = (ObjectNode) json.readTree(row.get("attributes").toString());
            node.fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new VerifiedWebhook((String) row.get("vendor"), (String) row.get("event_id"), (String) row.get("event_type"),
                WebhookSubject.valueOf((String) row.get("subject")), canonical, "", Optional.ofNullable((String) row.get("reference")),
                amount, ((Timestamp) row.get("occurred_at")).toInstant(), attributes, new byte[0]);
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer error(int status, String error, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("message", message);
        return new Answer(status, toJson(m));
    }
}
