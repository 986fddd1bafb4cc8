package io.hub.app.payments;

import io.hub.app.ledger.HoldNotPendingException;
import io.hub.contracts.RejectedException;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the inbox does when processing an event throws (the processing transaction has rolled back: nothing of it
 * stayed), and the operator's view of parked events.
 *
 * <p>Failures ({@link #failed}), by {@link #classify kind}:
 * <ul>
 *   <li>TRANSIENT (the database or a lock, not the event: {@link TransientDataAccessException} such as a deadlock or lock
 *       time-out, {@link DataAccessResourceFailureException}, {@link CannotCreateTransactionException}, JDBC's
 *       {@link SQLTransientException} / {@link SQLRecoverableException}, and {@link DuplicateKeyException}, which is
 *       a concurrent duplicate the retry sees as done): retried with the inbox's doubling delay, never counted, never
 *       parked (an outage of the database must not park the whole inbox).</li>
 *   <li>PERMANENT (a retry gives the same answer: {@link PermanentInboxFailure} such as a refund above the deposit or a
 *       currency mismatch, the ledger refusing the posting ({@link RejectedException}, including an idempotency key
 *       reused with another request), {@link HoldNotPendingException}, an invalid transition or broken invariant
 *       ({@link IllegalStateException}), a constraint violation ({@link DataIntegrityViolationException})): PARKED at
 *       once.</li>
 *   <li>anything else (a bug, an unexpected shape): counted in {@code failures}, retried after
 *       {@code retryDelay × 2^(failures-1)} (capped at {@code maxRetryDelay}), PARKED when the count reaches
 *       {@code hub.payments.inbox.max-attempts} (5).</li>
 * </ul>
 * A parked event keeps its payload and is not processed again until an operator retries it ({@link #retry}); the row
 * records {@code failures}, {@code last_error} ("ExceptionClass: message" of the failure, the SQL cause's own message
 * for database errors, at most 500 characters, anything shaped like a webhook secret or a JWT masked) and
 * {@code parked_at}. An UNMATCHED event (no record yet) is not a failure: it is retried with the capped delay and never
 * parked or dropped (payments.md §7 #3, #9). ERROR is logged once per parking (with the stack), WARN per counted or
 * transient failure.
 *
 * <p>Metrics: {@code hub_payments_inbox_parked} (gauge: PARKED events now, re-counted every
 * {@code hub.payments.inbox.parked-refresh-ms} and on every park / retry), {@code hub_payments_inbox_parkings_total}
 * (counter, tag {@code cause} = {@code permanent} | {@code attempts}).
 */
@Component
public class InboxParking {
    private static final Logger log = LoggerFactory.getLogger(InboxParking.class);
    /** States from which an event is processed (and so can fail). */
    private static final Set<String> ACTIVE = Set.of("RECEIVED", "UNMATCHED", "DEFERRED");
    private static final Pattern SECRET_LIKE = Pattern.compile("(whsec_|sk_live_|sk_test_|rk_live_)[A-Za-z0-9+/=_-]+|eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    static final int MAX_ERROR_CHARS = 500;

    /** How a failure is handled. */
    enum Kind { TRANSIENT, PERMANENT, UNKNOWN }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PaymentsProperties props;
    private final PaymentsAudit audit;
    private final AtomicLong parked = new AtomicLong();
    private final Counter parkedPermanent;
    private final Counter parkedAttempts;

    public InboxParking(JdbcTemplate jdbc, TransactionTemplate tx, PaymentsProperties props, PaymentsAudit audit, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
        this.audit = audit;
        Gauge.builder("hub.payments.inbox.parked", parked, AtomicLong::get)
                .description("Webhook inbox events PARKED for an operator (GET /operator/webhooks?state=PARKED)").register(meters);
        parkedPermanent = Counter.builder("hub.payments.inbox.parkings").tag("cause", "permanent")
                .description("Inbox events parked, by cause").register(meters);
        parkedAttempts = Counter.builder("hub.payments.inbox.parkings").tag("cause", "attempts")
                .description("Inbox events parked, by cause").register(meters);
    }

    /** The kind of a processing failure (the exception and its causes, outermost first). */
    static Kind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentInboxFailure || t instanceof RejectedException || t instanceof HoldNotPendingException
                    || t instanceof IllegalStateException) {
                return Kind.PERMANENT;
            }
            if (t instanceof DuplicateKeyException || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return Kind.TRANSIENT;
            }
            if (t instanceof DataIntegrityViolationException) return Kind.PERMANENT;
        }
        return Kind.UNKNOWN;
    }

    /** The error text stored with the event: class and message, masked, at most {@link #MAX_ERROR_CHARS} characters. */
    static String describe(Throwable e) {
        // a database error's own message repeats the whole SQL statement: show its cause's (the PostgreSQL error) instead
        Throwable shown = e instanceof DataAccessException ? NestedExceptionUtils.getMostSpecificCause(e) : e;
        String message = shown.getMessage() == null ? "" : shown.getMessage();
        String text = shown == e ? e.getClass().getSimpleName() + ": " + message
                : e.getClass().getSimpleName() + " (" + shown.getClass().getSimpleName() + "): " + message;
        text = SECRET_LIKE.matcher(text.replace('\n', ' ')).replaceAll("***");
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }

    /** The wait before the next attempt after {@code n} failed or unmatched attempts: retryDelay doubled per attempt, capped. */
    static Duration retryDelay(int n, PaymentsProperties props) {
        long ms = props.inbox().retryDelay().toMillis() << Math.min(Math.max(n, 0), 20);
        return Duration.ofMillis(Math.min(ms, props.inbox().maxRetryDelay().toMillis()));
    }

    /**
     * Records a failed attempt at processing event {@code id} (in its own transaction, after the processing one rolled
     * back): retried later, or PARKED.
     */
    void failed(long id, RuntimeException e) {
        Kind kind = classify(e);
        String error = describe(e);
        Boolean parkedNow = tx.execute(s -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT state, attempts, failures FROM webhook_inbox WHERE id = ? FOR UPDATE", id);
            if (rows.isEmpty() || !ACTIVE.contains((String) rows.get(0).get("state"))) return null; // gone, or handled meanwhile
            int attempts = ((Number) rows.get(0).get("attempts")).intValue();
            int failures = ((Number) rows.get(0).get("failures")).intValue();
            if (kind == Kind.TRANSIENT) {
                Duration delay = retryDelay(attempts, props);
                jdbc.update("UPDATE webhook_inbox SET state = 'RECEIVED', attempts = attempts + 1, last_error = ?, outcome = ?, next_attempt_at = ? "
                        + "WHERE id = ?", error, "transient error, retrying in " + delay, Timestamp.from(Instant.now().plus(delay)), id);
                log.warn("inbox event {}: transient failure, retrying in {}: {}", id, delay, error);
                return false;
            }
            int count = failures + 1;
            if (kind == Kind.PERMANENT || count >= props.inbox().maxAttempts()) {
                jdbc.update("UPDATE webhook_inbox SET state = 'PARKED', attempts = attempts + 1, failures = ?, last_error = ?, outcome = ?, "
                        + "parked_at = clock_timestamp() WHERE id = ?", count, error,
                        kind == Kind.PERMANENT ? "parked: permanent failure" : "parked after " + count + " failed attempts", id);
                (kind == Kind.PERMANENT ? parkedPermanent : parkedAttempts).increment();
                log.error("inbox event {} PARKED ({}; failure {} of at most {}): {}; an operator may retry it with POST /operator/webhooks/{}/retry",
                        id, kind == Kind.PERMANENT ? "permanent" : "attempts used up", count, props.inbox().maxAttempts(), error, id, e);
                return true;
            }
            Duration delay = retryDelay(count - 1, props);
            jdbc.update("UPDATE webhook_inbox SET state = 'RECEIVED', attempts = attempts + 1, failures = ?, last_error = ?, outcome = ?, "
                    + "next_attempt_at = ? WHERE id = ?", count, error, "failed " + count + " of " + props.inbox().maxAttempts()
                    + " attempts, retrying in " + delay, Timestamp.from(Instant.now().plus(delay)), id);
            if (count == 1) log.warn("inbox event {} failed (attempt {} of {}), retrying in {}", id, count, props.inbox().maxAttempts(), delay, e);
            else log.warn("inbox event {} failed (attempt {} of {}), retrying in {}: {}", id, count, props.inbox().maxAttempts(), delay, error);
            return false;
        });
        if (Boolean.TRUE.equals(parkedNow)) refreshParked();
    }

    /**
     * Operator retry of a PARKED event: back to RECEIVED with no failures counted, due now; the last error stays until a
     * later attempt replaces it. Recorded in {@code audit_log} (WEBHOOK_RETRIED, target {@code webhook:<id>}).
     *
     * @return the event as {@link #list} shows it, after the change
     * @throws PaymentProblem 404 NOT_FOUND, 409 INVALID_STATE unless PARKED
     */
    public Map<String, Object> retry(long id, String operator) {
        Map<String, Object> after = tx.execute(s -> {
            List<Map<String, Object>> before = jdbc.query(SELECT + " WHERE id = ? FOR UPDATE", InboxParking::view, id);
            if (before.isEmpty()) throw new PaymentProblem(404, "NOT_FOUND", "no inbox event " + id);
            if (!"PARKED".equals(before.get(0).get("state"))) {
                throw new PaymentProblem(409, "INVALID_STATE", "inbox event " + id + " is " + before.get(0).get("state") + ", not PARKED");
            }
            jdbc.update("UPDATE webhook_inbox SET state = 'RECEIVED', failures = 0, parked_at = NULL, next_attempt_at = clock_timestamp(), "
                    + "outcome = ? WHERE id = ?", "retry requested by " + operator, id);
            Map<String, Object> now = jdbc.query(SELECT + " WHERE id = ?", InboxParking::view, id).get(0);
            audit.record(operator, "WEBHOOK_RETRIED", "webhook:" + id, auditView(before.get(0)), auditView(now));
            return now;
        });
        refreshParked();
        log.info("inbox event {} retried by {}", id, operator);
        return after;
    }

    /** Inbox events in {@code state}, oldest first: the shape of {@code GET /operator/webhooks}. */
    public List<Map<String, Object>> list(String state, int limit) {
        return jdbc.query(SELECT + " WHERE state = ? ORDER BY received_at, id LIMIT ?", InboxParking::view, state, limit);
    }

    private static final String SELECT = "SELECT id, endpoint_id, event_id, event_type, status, reference, amount_minor, currency, state, "
            + "attempts, failures, outcome, last_error, received_at, next_attempt_at, parked_at FROM webhook_inbox";

    private static Map<String, Object> view(ResultSet rs, int i) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getLong("id"));
        m.put("endpointId", rs.getString("endpoint_id"));
        m.put("eventId", rs.getString("event_id"));
        m.put("eventType", rs.getString("event_type"));
        m.put("status", rs.getString("status"));
        m.put("reference", rs.getString("reference"));
        long amountMinor = rs.getLong("amount_minor");
        boolean noAmount = rs.wasNull();
        String currency = rs.getString("currency");
        if (!noAmount && currency != null) {
            m.put("amount", Money.ofMinor(amountMinor, CurrencyUnit.of(currency.trim())).toDecimalString());
            m.put("currency", currency.trim());
        }
        m.put("state", rs.getString("state"));
        m.put("attempts", rs.getInt("attempts"));
        m.put("failures", rs.getInt("failures"));
        m.put("outcome", rs.getString("outcome"));
        m.put("lastError", rs.getString("last_error"));
        m.put("receivedAt", rs.getTimestamp("received_at").toInstant().toString());
        m.put("nextAttemptAt", rs.getTimestamp("next_attempt_at").toInstant().toString());
        Timestamp parkedAt = rs.getTimestamp("parked_at");
        m.put("parkedAt", parkedAt == null ? null : parkedAt.toInstant().toString());
        return m;
    }

    private static Map<String, Object> auditView(Map<String, Object> v) {
        return PaymentsAudit.fields("endpointId", v.get("endpointId"), "eventId", v.get("eventId"), "state", v.get("state"),
                "failures", v.get("failures"), "lastError", v.get("lastError"));
    }

    /** Re-counts the PARKED events for the gauge. */
    @Scheduled(fixedDelayString = "${hub.payments.inbox.parked-refresh-ms:5000}")
    public void refreshParked() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE state = 'PARKED'", Long.class);
        parked.set(n == null ? 0 : n);
    }
}
