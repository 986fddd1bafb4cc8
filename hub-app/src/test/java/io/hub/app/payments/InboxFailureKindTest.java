package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.ledger.HoldNotPendingException;
import io.hub.app.ledger.IdempotencyConflictException;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** How {@link InboxParking} sorts processing failures, the error text it stores, and the retry delays. */
class InboxFailureKindTest {

    @Test
    void a_database_or_lock_failure_is_transient_retried_and_never_counted() {
        assertThat(InboxParking.classify(new CannotAcquireLockException("deadlock detected"))).isEqualTo(InboxParking.Kind.TRANSIENT);
        assertThat(InboxParking.classify(new QueryTimeoutException("canceling statement"))).isEqualTo(InboxParking.Kind.TRANSIENT);
        assertThat(InboxParking.classify(new CannotGetJdbcConnectionException("pool", new java.sql.SQLException("down"))))
                .isEqualTo(InboxParking.Kind.TRANSIENT);
        assertThat(InboxParking.classify(new CannotCreateTransactionException("no connection"))).isEqualTo(InboxParking.Kind.TRANSIENT);
        assertThat(InboxParking.classify(new RuntimeException("wrapped", new SQLTransientConnectionException("reset"))))
                .isEqualTo(InboxParking.Kind.TRANSIENT);
        // a concurrent duplicate of a ledger key: the retry answers from the committed one
        assertThat(InboxParking.classify(new DuplicateKeyException("ledger_transaction_idempotency"))).isEqualTo(InboxParking.Kind.TRANSIENT);
    }

    @Test
    void a_failure_a_retry_cannot_fix_parks_at_once() {
        assertThat(InboxParking.classify(new PermanentInboxFailure("REFUND_EXCEEDS_DEPOSIT", "x"))).isEqualTo(InboxParking.Kind.PERMANENT);
        assertThat(InboxParking.classify(new RejectedException(RejectionCode.INSUFFICIENT_FUNDS))).isEqualTo(InboxParking.Kind.PERMANENT);
        assertThat(InboxParking.classify(new IdempotencyConflictException(new IdempotencyKey("payments", "", "deposit:x:credit"))))
                .isEqualTo(InboxParking.Kind.PERMANENT);
        assertThat(InboxParking.classify(new HoldNotPendingException(UUID.randomUUID()))).isEqualTo(InboxParking.Kind.PERMANENT);
        assertThat(InboxParking.classify(new IllegalStateException("not a deposit posting: NONE"))).isEqualTo(InboxParking.Kind.PERMANENT);
        assertThat(InboxParking.classify(new DataIntegrityViolationException("deposit_refunded_within_amount")))
                .isEqualTo(InboxParking.Kind.PERMANENT);
    }

    @Test
    void anything_else_is_counted_until_the_attempts_are_used_up() {
        assertThat(InboxParking.classify(new ClassCastException("ArrayNode cannot be cast to ObjectNode"))).isEqualTo(InboxParking.Kind.UNKNOWN);
        assertThat(InboxParking.classify(new NullPointerException())).isEqualTo(InboxParking.Kind.UNKNOWN);
        assertThat(InboxParking.classify(new IllegalArgumentException("No enum constant"))).isEqualTo(InboxParking.Kind.UNKNOWN);
    }

    @Test
    void the_stored_error_names_the_failure_masks_anything_secret_like_and_is_bounded() {
        assertThat(InboxParking.describe(new PermanentInboxFailure("CURRENCY_MISMATCH", "event e is in USD, deposit d in EUR")))
                .isEqualTo("PermanentInboxFailure: CURRENCY_MISMATCH: event e is in USD, deposit d in EUR");
        assertThat(InboxParking.describe(new IllegalStateException("secret whsec_abc+/= and token eyJhbGc.eyJzdWIi.sig\nline 2")))
                .isEqualTo("IllegalStateException: secret *** and token *** line 2");
        assertThat(InboxParking.describe(new DataIntegrityViolationException("PreparedStatementCallback; SQL [UPDATE deposit …]",
                new java.sql.SQLException("ERROR: new row violates check constraint \"deposit_refunded_within_amount\""))))
                .isEqualTo("DataIntegrityViolationException (SQLException): ERROR: new row violates check constraint \"deposit_refunded_within_amount\"");
        assertThat(InboxParking.describe(new IllegalStateException("x".repeat(2_000)))).hasSize(InboxParking.MAX_ERROR_CHARS);
    }

    @Test
    void the_retry_delay_doubles_per_attempt_up_to_the_cap() {
        PaymentsProperties props = new PaymentsProperties("simpay", Duration.ofSeconds(300), Map.of(), Map.of(),
                new PaymentsProperties.Kyc(false, "EU"), Map.of(),
                new PaymentsProperties.Inbox(200, 100, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(5), 5, 5000),
                new PaymentsProperties.GatewayCallSettings(2000, 5000, 3), Duration.ofDays(3650));
        assertThat(InboxParking.retryDelay(0, props)).isEqualTo(Duration.ofSeconds(2));
        assertThat(InboxParking.retryDelay(3, props)).isEqualTo(Duration.ofSeconds(16));
        assertThat(InboxParking.retryDelay(40, props)).isEqualTo(Duration.ofMinutes(10));
    }
}
