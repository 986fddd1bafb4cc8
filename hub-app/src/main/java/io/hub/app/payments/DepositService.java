package io.hub.app.payments;

import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.app.ledger.Uuids;
import io.hub.app.payments.PaymentStateMachines.Decision;
import io.hub.app.payments.PaymentStateMachines.DepositState;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.payments.PaymentStatus;
import io.hub.contracts.payments.RefundAmount;
import io.hub.contracts.payments.VerifiedWebhook;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deposits: the record is written (PENDING) and committed before the gateway is called (payments.md §7 #3), the call
 * carries the deposit id as its idempotency key; webhooks then drive the state machine of
 * {@link PaymentStateMachines#deposit}; only a success credits the player, once (ledger key
 * {@code deposit:<id>:credit}); refunds and chargebacks post their own transactions. A deposit whose gateway call had
 * an unknown outcome stays PENDING and is sent again later with the same key ({@link #resumeUnsubmitted}).
 *
 * <p>Money after the success (payments.md §5.2), all in minor units of the deposit's currency:
 * <ul>
 *   <li><b>Refunds</b> accumulate ({@link #refund}): each one debits exactly what it adds to the deposit's refunded
 *       total (ledger key {@code deposit:<id>:refund:<refund key>}), the deposit is PARTIALLY_REFUNDED until the total
 *       reaches its amount, then REFUNDED. A refund that would take the total above the amount is refused: nothing is
 *       posted and the event is parked ({@link PermanentInboxFailure} REFUND_EXCEEDS_DEPOSIT).</li>
 *   <li><b>Chargebacks</b> debit what is not refunded yet (key {@code deposit:<id>:chargeback}); <b>reversals</b>
 *       re-credit that amount ({@code deposit:<id>:reinstated}).</li>
 *   <li>What the player's cash cannot cover (a chargeback or refund after the money was played or withdrawn) is owed
 *       on the player's receivable ({@link PaymentLedger#debitPlayer}); while anything is owed the player may not bet
 *       or withdraw ({@link KycService#mayWager}, {@link WithdrawalService#request}) and requested withdrawals not yet
 *       submitted wait ON_HOLD (RECEIVABLE_OUTSTANDING). A reinstated chargeback pays the receivable first
 *       ({@link PaymentLedger#creditPlayer}); a later deposit's credit is followed, in the same database transaction,
 *       by its own RECEIVABLE_REPAID transaction ({@code deposit:<id>:receivable}) of up to its amount.</li>
 *   <li>An event whose amount is in another currency than the deposit's is parked (CURRENCY_MISMATCH): nothing is
 *       converted or rounded. Amounts arrive as integers of the currency's minor units; an adapter refuses anything
 *       else (a fraction of a minor unit) before it is stored (INVALID_AMOUNT).</li>
 * </ul>
 */
@Service
public class DepositService {
    private static final Logger log = LoggerFactory.getLogger(DepositService.class);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PaymentLedger ledger;
    private final PaymentEvents events;
    private final GatewayClient gateway;
    private final WebhookEndpoints endpoints;
    private final PaymentsProperties props;

    private final KycService kyc;
    private final WithdrawalService withdrawals;
    private PaymentsAudit audit;

    /** The audit trail for operator resolutions (setter: keeps the constructor's wiring as it is). */
    @org.springframework.beans.factory.annotation.Autowired
    void setAudit(PaymentsAudit audit) {
        this.audit = audit;
    }

    public DepositService(JdbcTemplate jdbc, TransactionTemplate tx, PaymentLedger ledger, PaymentEvents events, GatewayClient gateway,
                          WebhookEndpoints endpoints, PaymentsProperties props, KycService kyc, WithdrawalService withdrawals) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.events = events;
        this.gateway = gateway;
        this.endpoints = endpoints;
        this.props = props;
        this.kyc = kyc;
        this.withdrawals = withdrawals;
    }

    /**
     * A deposit as the API shows it.
     *
     * @param refundedMinor refunded so far (0..amountMinor), posted to the ledger
     */
    public record Deposit(UUID id, UUID playerId, String gatewayId, long amountMinor, String currency, String status,
                          String pspReference, String redirectUrl, Instant createdAt, long refundedMinor) {
        public Money amount() {
            return Money.ofMinor(amountMinor, CurrencyUnit.of(currency));
        }

        public Money refunded() {
            return Money.ofMinor(refundedMinor, CurrencyUnit.of(currency));
        }
    }

    static final RowMapper<Deposit> ROW = (rs, i) -> new Deposit(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class),
            rs.getString("gateway_id"), rs.getLong("amount_minor"), rs.getString("currency").trim(), rs.getString("status"),
            rs.getString("psp_reference"), rs.getString("redirect_url"), rs.getTimestamp("created_at").toInstant(),
            rs.getLong("refunded_minor"));

    /** Creates the deposit, then asks the gateway for a payment. */
    public Deposit create(UUID playerId, Money amount, String gatewayId) {
        if (!endpoints.isGateway(gatewayId)) throw new PaymentProblem(400, "UNKNOWN_GATEWAY", "no gateway " + gatewayId);
        // a player whose KYC the vendor rejected for good takes no new money in (AML: the operator may not keep
        // accepting funds from an unverified identity); what is already deposited stays theirs (payments.md §5.3)
        if ("REJECTED".equals(kyc.status(playerId))) {
            throw new PaymentProblem(409, "KYC_REJECTED", "the player's identity check was rejected: no new deposits");
        }
        // a deposit whose credit could never post (the balance would pass Long.MAX_VALUE minor units) is refused here,
        // before the gateway takes the money: accepted, its success webhook would fail in the inbox for ever
        long cash = ledger.cash(ledger.player(playerId));
        if (amount.amountMinor() > Long.MAX_VALUE - Math.max(cash, 0)) {
            throw new PaymentProblem(400, "INVALID_AMOUNT", "the balance would exceed the largest amount the ledger holds");
        }
        UUID id = Uuids.v7();
        tx.executeWithoutResult(s -> {
            jdbc.update("INSERT INTO deposit (id, player_id, gateway_id, amount_minor, currency, status) VALUES (?, ?, ?, ?, ?, 'PENDING')",
                    id, playerId, gatewayId, amount.amountMinor(), amount.currency().code());
            events.deposit(id, playerId, "PENDING", null, amount.toDecimalString(), Money.ofMinor(0, amount.currency()).toDecimalString(),
                    amount.currency().code(), gatewayId);
        });
        submit(id);
        return find(id).orElseThrow();
    }

    /** Calls the gateway for a PENDING deposit without a gateway reference (first time or resumed). */
    void submit(UUID id) {
        Deposit d = find(id).orElseThrow();
        GatewayClient.Result r = gateway.createPayment(d.gatewayId(), id, d.amount());
        if (r instanceof GatewayClient.Accepted a) {
            jdbc.update("UPDATE deposit SET psp_reference = ?, redirect_url = ?, updated_at = clock_timestamp() WHERE id = ? AND psp_reference IS NULL",
                    a.id(), a.redirectUrl().orElse(null), id);
        } else if (r instanceof GatewayClient.Declined dec) {
            tx.executeWithoutResult(s -> {
                int n = jdbc.update("UPDATE deposit SET status = 'FAILED', updated_at = clock_timestamp() WHERE id = ? AND status = 'PENDING'", id);
                if (n == 1) events.deposit(id, d.playerId(), "FAILED", "PENDING", d.amount().toDecimalString(), d.refunded().toDecimalString(),
                        d.currency(), d.gatewayId());
            });
            log.info("deposit {} declined by gateway {}: {} {}", id, d.gatewayId(), dec.status(), dec.body());
        } else {
            Duration next = backOff(jdbc.queryForObject("UPDATE deposit SET submit_attempts = submit_attempts + 1 WHERE id = ? RETURNING submit_attempts",
                    Integer.class, id), props);
            jdbc.update("UPDATE deposit SET next_submit_at = ? WHERE id = ?", Timestamp.from(Instant.now().plus(next)), id);
            log.warn("deposit {}: gateway {} unavailable ({}); will resume in {}", id, d.gatewayId(), ((GatewayClient.Unavailable) r).reason(), next);
        }
    }

    /** Sends PENDING deposits whose gateway call had an unknown outcome again (same idempotency key). */
    int resumeUnsubmitted(int max) {
        List<UUID> ids = jdbc.queryForList("SELECT id FROM deposit WHERE status = 'PENDING' AND psp_reference IS NULL AND next_submit_at < ? "
                + "AND created_at < ? ORDER BY next_submit_at LIMIT ?", UUID.class, Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now().minus(props.inbox().resumeAfter())), max);
        ids.forEach(this::submit);
        return ids.size();
    }

    /** The wait before the next call after {@code attempts} calls with an unknown outcome: resumeAfter doubled per attempt, at most maxRetryDelay. */
    static Duration backOff(int attempts, PaymentsProperties props) {
        long ms = props.inbox().resumeAfter().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(ms, props.inbox().maxRetryDelay().toMillis()));
    }

    /**
     * Operator resolution of a PENDING deposit whose success was parked AMOUNT_MISMATCH: the gateway captured another
     * amount than the hub asked for, and the operator accepts it. The deposit's amount becomes {@code confirmed}
     * (minor units of its currency, positive) and its parked AMOUNT_MISMATCH events go back to RECEIVED, due now, so the
     * matching success credits it once through the normal path. Audited (DEPOSIT_AMOUNT_ACCEPTED, before/after).
     *
     * @throws PaymentProblem 404 NOT_FOUND, 409 INVALID_STATE unless PENDING, 409 NO_PARKED_MISMATCH when no parked
     *                        AMOUNT_MISMATCH event of this deposit confirms exactly that amount
     */
    public Deposit acceptConfirmedAmount(UUID id, Money confirmed, String operator) {
        tx.executeWithoutResult(s -> {
            Deposit d = lockPending(id);
            if (!confirmed.currency().code().equals(d.currency()) || confirmed.amountMinor() <= 0) {
                throw new PaymentProblem(400, "INVALID_AMOUNT", "a positive amount in " + d.currency() + " is required");
            }
            int requeued = jdbc.update("UPDATE webhook_inbox SET state = 'RECEIVED', failures = 0, parked_at = NULL, next_attempt_at = clock_timestamp(), "
                    + "outcome = 'amount accepted by ' || ? "
                    + "WHERE state = 'PARKED' AND channel = 'payments' AND endpoint_id = ? AND last_error LIKE '%AMOUNT_MISMATCH%' "
                    + "AND amount_minor = ? AND (attributes->>'metadata.depositId' = ? OR reference = ?)",
                    operator, d.gatewayId(), confirmed.amountMinor(), id.toString(), d.pspReference() == null ? "" : d.pspReference());
            if (requeued == 0) {
                throw new PaymentProblem(409, "NO_PARKED_MISMATCH", "no parked AMOUNT_MISMATCH event of deposit " + id + " confirms "
                        + confirmed.toDecimalString() + " " + d.currency());
            }
            jdbc.update("UPDATE deposit SET amount_minor = ?, updated_at = clock_timestamp() WHERE id = ?", confirmed.amountMinor(), id);
            audit.record(operator, "DEPOSIT_AMOUNT_ACCEPTED", "deposit:" + id, PaymentsAudit.fields("amount", d.amount().toDecimalString()),
                    PaymentsAudit.fields("amount", confirmed.toDecimalString(), "requeuedEvents", requeued));
        });
        return find(id).orElseThrow();
    }

    /**
     * Operator resolution: a PENDING deposit the operator closes as FAILED (e.g. the gateway captured another amount and
     * it is refunded outside the hub). No ledger effect; a later success for it is recorded only (FAILED is terminal).
     * Audited (DEPOSIT_FAILED_BY_OPERATOR).
     */
    public Deposit failByOperator(UUID id, String operator) {
        tx.executeWithoutResult(s -> {
            Deposit d = lockPending(id);
            jdbc.update("UPDATE deposit SET status = 'FAILED', updated_at = clock_timestamp() WHERE id = ?", id);
            events.deposit(id, d.playerId(), "FAILED", "PENDING", d.amount().toDecimalString(), d.refunded().toDecimalString(), d.currency(), d.gatewayId());
            audit.record(operator, "DEPOSIT_FAILED_BY_OPERATOR", "deposit:" + id, PaymentsAudit.fields("status", "PENDING"),
                    PaymentsAudit.fields("status", "FAILED"));
        });
        return find(id).orElseThrow();
    }

    /** The deposit, locked for the caller's transaction; 404 NOT_FOUND, 409 INVALID_STATE unless PENDING. */
    private Deposit lockPending(UUID id) {
        Deposit d = jdbc.query("SELECT * FROM deposit WHERE id = ? FOR UPDATE", ROW, id).stream().findFirst()
                .orElseThrow(() -> new PaymentProblem(404, "NOT_FOUND", "no deposit " + id));
        if (!"PENDING".equals(d.status())) throw new PaymentProblem(409, "INVALID_STATE", "deposit is " + d.status() + ", not PENDING");
        return d;
    }

    public Optional<Deposit> find(UUID id) {
        return jdbc.query("SELECT * FROM deposit WHERE id = ?", ROW, id).stream().findFirst();
    }

    /**
     * Applies one verified payment / refund / dispute event inside the caller's transaction.
     *
     * @return the outcome, or empty when no deposit matches (UNMATCHED, retried)
     */
    Optional<InboxOutcome> apply(String gatewayId, VerifiedWebhook event) {
        Optional<Deposit> found = match(gatewayId, event);
        if (found.isEmpty()) return Optional.empty();
        Deposit d = found.get();
        PaymentStatus status = (PaymentStatus) event.status();
        if (event.reference().isPresent() && d.pspReference() == null && event.subject() == io.hub.contracts.payments.WebhookSubject.PAYMENT) {
            jdbc.update("UPDATE deposit SET psp_reference = ? WHERE id = ? AND psp_reference IS NULL", event.reference().get(), d.id());
        }
        if (event.amount().isPresent() && !event.amount().get().currency().code().equals(d.currency())) {
            throw new PermanentInboxFailure("CURRENCY_MISMATCH", "event " + event.eventId() + " is in " + event.amount().get().currency()
                    + ", deposit " + d.id() + " in " + d.currency());
        }
        // a refund for a deposit already refunded in full is still counted: a new refund (or a higher total) can only
        // exceed the deposit, which parks it for an operator instead of "recorded only" (a gateway inconsistency)
        if (status == PaymentStatus.REFUNDED && "REFUNDED".equals(d.status())) return Optional.of(refund(d, event));
        Decision decision = PaymentStateMachines.deposit(DepositState.valueOf(d.status()), status);
        switch (decision.kind()) {
            case DEFER:
                return Optional.of(InboxOutcome.deferred("deposit " + d.id() + " is " + d.status() + "; " + status + " waits for an earlier event"));
            case IGNORE:
                return Optional.of(InboxOutcome.processed("recorded only: deposit " + d.id() + " is " + d.status() + ", event " + status));
            default:
                break;
        }
        if (status == PaymentStatus.SUCCEEDED && event.amount().isPresent() && event.amount().get().amountMinor() != d.amountMinor()) {
            // the gateway confirmed another amount than the hub asked for: credit neither, an operator decides
            throw new PermanentInboxFailure("AMOUNT_MISMATCH", "event " + event.eventId() + " confirms " + event.amount().get().toDecimalString()
                    + " " + d.currency() + ", deposit " + d.id() + " is for " + d.amount().toDecimalString());
        }
        if (decision.posting() == PaymentStateMachines.Posting.DEBIT_REFUND) return Optional.of(refund(d, event));
        String next = decision.next();
        if (d.status().equals("DISPUTED") && status == PaymentStatus.REVERSED) next = PaymentStateMachines.afterDisputeWon(d.refundedMinor()).name();
        String note = post(d, decision.posting(), event);
        jdbc.update("UPDATE deposit SET status = ?, updated_at = clock_timestamp() WHERE id = ?", next, d.id());
        events.deposit(d.id(), d.playerId(), next, d.status(), d.amount().toDecimalString(), d.refunded().toDecimalString(), d.currency(), d.gatewayId());
        return Optional.of(InboxOutcome.processed("deposit " + d.id() + " " + d.status() + " → " + next + note));
    }

    /**
     * A REFUNDED event for a SUCCEEDED or PARTIALLY_REFUNDED deposit (inside the caller's transaction, the deposit locked).
     *
     * <p>The adapter says how to read the amount ({@link RefundAmount}): an INCREMENTAL event is one refund (keyed by
     * the gateway's refund id, so the events of one refund count once and different refunds add up); a CUMULATIVE one
     * is the payment's refunded total so far (keyed by its event id; an older or replayed total changes nothing); an
     * event without an amount means "refunded in full". Both readings are recorded in {@code deposit_refund}, and the
     * deposit's refunded total becomes the larger of (the highest cumulative total, the sum of the incremental refunds):
     * each is a lower bound of what the gateway refunded, so a gateway that sends both kinds of event for one refund
     * (Stripe: {@code charge.refunded} and {@code refund.updated}) never refunds it twice. The ledger debits exactly the
     * increase of that total, once ({@code deposit:<id>:refund:<refund key>}).
     *
     * @throws PermanentInboxFailure REFUND_EXCEEDS_DEPOSIT when the total would pass the deposit's amount (nothing is
     *                               posted, the event is parked)
     */
    private InboxOutcome refund(Deposit d, VerifiedWebhook event) {
        RefundAmount basis = RefundAmount.of(Optional.ofNullable(event.attributes().get(RefundAmount.ATTRIBUTE)));
        long amountMinor;
        String refundKey;
        if (event.amount().isEmpty()) {
            basis = RefundAmount.CUMULATIVE;
            amountMinor = d.amountMinor();
            refundKey = "event:" + event.eventId();
        } else {
            amountMinor = event.amount().get().amountMinor();
            String refundId = event.attributes().get(RefundAmount.REFUND_ID);
            refundKey = basis == RefundAmount.INCREMENTAL && refundId != null ? "refund:" + refundId : "event:" + event.eventId();
        }
        CurrencyUnit cur = CurrencyUnit.of(d.currency());
        int inserted = jdbc.update("INSERT INTO deposit_refund (deposit_id, refund_key, basis, amount_minor, event_id) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (deposit_id, refund_key) DO NOTHING", d.id(), refundKey, basis.name(), amountMinor, event.eventId());
        if (inserted == 0) {
            Long before = jdbc.queryForObject("SELECT amount_minor FROM deposit_refund WHERE deposit_id = ? AND refund_key = ?", Long.class,
                    d.id(), refundKey);
            if (before != null && before != amountMinor) {
                // the gateway reports one refund with two amounts: not ours to pick one
                throw new PermanentInboxFailure("REFUND_AMOUNT_CHANGED", refundKey + " of deposit " + d.id() + " was counted as "
                        + Money.ofMinor(before, cur).toDecimalString() + ", event " + event.eventId() + " says "
                        + Money.ofMinor(amountMinor, cur).toDecimalString() + "; nothing posted");
            }
            return InboxOutcome.processed("recorded only: " + refundKey + " of deposit " + d.id() + " was counted before");
        }
        long total = jdbc.queryForObject("SELECT greatest(coalesce(max(amount_minor) FILTER (WHERE basis = 'CUMULATIVE'), 0), "
                + "coalesce(sum(amount_minor) FILTER (WHERE basis = 'INCREMENTAL'), 0)) FROM deposit_refund WHERE deposit_id = ?", Long.class, d.id());
        if (total > d.amountMinor()) {
            throw new PermanentInboxFailure("REFUND_EXCEEDS_DEPOSIT", "refunds of deposit " + d.id() + " would total "
                    + Money.ofMinor(total, cur).toDecimalString() + " " + cur + ", more than its amount " + d.amount().toDecimalString()
                    + " (refunded so far " + d.refunded().toDecimalString() + ", remaining "
                    + Money.ofMinor(d.amountMinor() - d.refundedMinor(), cur).toDecimalString() + "); " + refundKey + " not posted");
        }
        long increase = total - d.refundedMinor();
        if (increase <= 0) {
            return InboxOutcome.processed("recorded only: " + refundKey + " leaves the refunded total of deposit " + d.id() + " at "
                    + d.refunded().toDecimalString());
        }
        PaymentLedger.Debit debit = ledger.debitPlayer("DEPOSIT_REFUNDED", "deposit:" + d.id() + ":refund:" + refundKey, d.playerId(), increase,
                Map.of("depositId", d.id().toString(), "eventId", event.eventId(), "refundKey", refundKey, "refundedTotalMinor", total));
        String next = PaymentStateMachines.afterRefund(d.amountMinor(), total).name();
        jdbc.update("UPDATE deposit SET status = ?, refunded_minor = ?, updated_at = clock_timestamp() WHERE id = ?", next, total, d.id());
        Money refunded = Money.ofMinor(total, cur);
        events.deposit(d.id(), d.playerId(), next, d.status(), d.amount().toDecimalString(), refunded.toDecimalString(), d.currency(), d.gatewayId());
        return InboxOutcome.processed("deposit " + d.id() + " " + d.status() + " → " + next + "; refunded " + Money.ofMinor(increase, cur).toDecimalString()
                + " (total " + refunded.toDecimalString() + " of " + d.amount().toDecimalString() + ")" + shortfall(debit, cur, d.playerId()));
    }

    private String post(Deposit d, PaymentStateMachines.Posting posting, VerifiedWebhook event) {
        if (posting == PaymentStateMachines.Posting.NONE) return "";
        CurrencyUnit cur = CurrencyUnit.of(d.currency());
        Map<String, Object> meta = Map.of("depositId", d.id().toString(), "eventId", event.eventId());
        long notRefunded = d.amountMinor() - d.refundedMinor();
        switch (posting) {
            case CREDIT_DEPOSIT: {
                PlayerAccounts acc = ledger.player(d.playerId());
                ledger.transfer("DEPOSIT", "deposit:" + d.id() + ":credit", d.playerId(), ledger.clearing(acc), acc.cash(), d.amountMinor(), null, null, meta);
                long repaid = ledger.repayReceivable("deposit:" + d.id() + ":receivable", d.playerId(), d.amountMinor(), meta);
                if (repaid > 0) kyc.forgetAfterCommit(d.playerId());
                return "; credited " + d.amount().toDecimalString()
                        + (repaid > 0 ? "; repaid " + Money.ofMinor(repaid, cur).toDecimalString() + " owed" : "");
            }
            case CREDIT_REINSTATED: {
                PaymentLedger.Credit credit = ledger.creditPlayer("DEPOSIT_REINSTATED", "deposit:" + d.id() + ":reinstated", d.playerId(), notRefunded, meta);
                if (credit.toReceivableMinor() > 0) kyc.forgetAfterCommit(d.playerId());
                return "; re-credited " + Money.ofMinor(notRefunded, cur).toDecimalString()
                        + (credit.toReceivableMinor() > 0 ? " (" + Money.ofMinor(credit.toReceivableMinor(), cur).toDecimalString() + " against what was owed)" : "");
            }
            case DEBIT_CHARGEBACK: {
                PaymentLedger.Debit debit = ledger.debitPlayer("DEPOSIT_CHARGED_BACK", "deposit:" + d.id() + ":chargeback", d.playerId(), notRefunded, meta);
                return "; charged back " + Money.ofMinor(notRefunded, cur).toDecimalString() + shortfall(debit, cur, d.playerId());
            }
            default:
                throw new IllegalStateException("not a deposit posting: " + posting);
        }
    }

    /** After a debit: what became owed, and its consequences (withdrawals not yet submitted wait, the bet gate refreshes). */
    private String shortfall(PaymentLedger.Debit debit, CurrencyUnit cur, UUID playerId) {
        if (debit.toReceivableMinor() == 0) return "";
        int held = withdrawals.holdRequested(playerId, "RECEIVABLE_OUTSTANDING");
        kyc.forgetAfterCommit(playerId);
        return " (" + Money.ofMinor(debit.fromCashMinor(), cur).toDecimalString() + " from cash, "
                + Money.ofMinor(debit.toReceivableMinor(), cur).toDecimalString() + " now owed by the player"
                + (held > 0 ? "; " + held + " requested withdrawal(s) put on hold" : "") + ")";
    }

    /** By {@code metadata.depositId} (set by the hub on the gateway payment), else by the gateway's payment id; locked. */
    private Optional<Deposit> match(String gatewayId, VerifiedWebhook event) {
        String byMeta = event.attributes().get("metadata.depositId");
        if (byMeta != null) {
            try {
                List<Deposit> d = jdbc.query("SELECT * FROM deposit WHERE id = ? AND gateway_id = ? FOR UPDATE", ROW, UUID.fromString(byMeta), gatewayId);
                if (!d.isEmpty()) return Optional.of(d.get(0));
            } catch (IllegalArgumentException notAUuid) {
                // fall through
            }
        }
        if (event.reference().isEmpty()) return Optional.empty();
        return jdbc.query("SELECT * FROM deposit WHERE psp_reference = ? AND gateway_id = ? FOR UPDATE", ROW, event.reference().get(), gatewayId)
                .stream().findFirst();
    }
}
