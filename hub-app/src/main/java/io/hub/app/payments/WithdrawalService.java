package io.hub.app.payments;

import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.app.ledger.LedgerResult;
import io.hub.app.ledger.Uuids;
import io.hub.app.payments.PaymentStateMachines.Decision;
import io.hub.app.payments.PaymentStateMachines.WithdrawalState;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.money.AmountFormatException;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.payments.PaymentStatus;
import io.hub.contracts.payments.VerifiedWebhook;
import java.sql.Timestamp;
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
 * Withdrawals (payments.md §5.2): the request moves the amount out of the wagerable balance at once (a ledger pending
 * hold, cash → held, key {@code withdrawal:<id>:hold}); KYC must be APPROVED and the AML limits of the player's
 * jurisdiction respected, else it waits ON_HOLD for an operator; then it is submitted to the gateway with the
 * withdrawal id as the gateway's idempotency key. Payout webhooks drive {@link PaymentStateMachines#withdrawal}: PAID
 * posts the hold to PSP clearing, FAILED voids it back to cash, a paid payout that fails later returns the money once.
 */
@Service
public class WithdrawalService {
    private static final Logger log = LoggerFactory.getLogger(WithdrawalService.class);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PaymentLedger ledger;
    private final PaymentEvents events;
    private final GatewayClient gateway;
    private final WebhookEndpoints endpoints;
    private final PaymentsProperties props;
    private final KycService kyc;
    private final PaymentsAudit audit;

    public WithdrawalService(JdbcTemplate jdbc, TransactionTemplate tx, PaymentLedger ledger, PaymentEvents events, GatewayClient gateway,
                             WebhookEndpoints endpoints, PaymentsProperties props, KycService kyc, PaymentsAudit audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.events = events;
        this.gateway = gateway;
        this.endpoints = endpoints;
        this.props = props;
        this.kyc = kyc;
    }

    /** A withdrawal as the APIs show it. */
    public record Withdrawal(UUID id, UUID playerId, String gatewayId, long amountMinor, String currency, String status,
                             UUID holdId, String holdReason, String jurisdiction, String pspReference, String decidedBy, Instant createdAt) {
        public Money amount() {
            return Money.ofMinor(amountMinor, CurrencyUnit.of(currency));
        }
    }

    static final RowMapper<Withdrawal> ROW = (rs, i) -> new Withdrawal(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class),
            rs.getString("gateway_id"), rs.getLong("amount_minor"), rs.getString("currency"), rs.getString("status"),
            rs.getObject("hold_id", UUID.class), rs.getString("hold_reason"), rs.getString("jurisdiction"), rs.getString("psp_reference"),
            rs.getString("decided_by"), rs.getTimestamp("created_at").toInstant());

    public Optional<Withdrawal> find(UUID id) {
        return jdbc.query("SELECT * FROM withdrawal WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<Withdrawal> byStatus(String status, int limit) {
        return jdbc.query("SELECT * FROM withdrawal WHERE status = ? ORDER BY created_at LIMIT ?", ROW, status, limit);
    }

    /**
     * Requests a withdrawal: hold, checks, and (when nothing holds it) submission.
     *
     * @throws PaymentProblem 422 INSUFFICIENT_FUNDS, 400 UNKNOWN_GATEWAY, 409 RECEIVABLE_OUTSTANDING while the player owes
     *                        the hub money (a chargeback or refund not covered by their cash, see {@link DepositService})
     */
    public Withdrawal request(UUID playerId, Money amount, String gatewayId) {
        if (!endpoints.isGateway(gatewayId)) throw new PaymentProblem(400, "UNKNOWN_GATEWAY", "no gateway " + gatewayId);
        UUID id = Uuids.v7();
        PlayerAccounts acc = ledger.player(playerId);
        String status = tx.execute(s -> {
            // owing money is the reason to give, whatever the cash (checked again after the hold, under its lock)
            if (ledger.owedMinor(playerId) > 0) throw owing(playerId, amount.currency());
            LedgerResult hold;
            try {
                hold = ledger.transfer("WITHDRAWAL_RESERVED", "withdrawal:" + id + ":hold", playerId, acc.cash(), acc.held(), amount.amountMinor(),
                        props.withdrawalHoldTimeout(), null, Map.of("withdrawalId", id.toString()));
            } catch (RejectedException e) {
                if (e.code() == RejectionCode.INSUFFICIENT_FUNDS) {
                    // the ledger refused before writing (balances locked and compared): read the cash as it is now, for the
                    // caller's next try; if the transaction cannot be read any more, the plain answer
                    String available;
                    try {
                        available = ": " + Money.ofMinor(Math.max(0, ledger.cash(acc)), amount.currency()).toDecimalString() + " "
                                + amount.currency().code() + " can be withdrawn";
                    } catch (RuntimeException unreadable) {
                        available = "";
                    }
                    throw new PaymentProblem(422, "INSUFFICIENT_FUNDS", "insufficient funds" + available);
                }
                throw e;
            }
            // the player's cash account is locked by the hold until commit: the rolling sum below cannot race, nor can a
            // chargeback (it locks the same account) leave a debt this check would miss
            if (ledger.owedMinor(playerId) > 0) throw owing(playerId, amount.currency());
            String jurisdiction = kyc.jurisdiction(playerId);
            String reason = holdReason(playerId, amount, jurisdiction);
            String st = reason == null ? "REQUESTED" : "ON_HOLD";
            jdbc.update("INSERT INTO withdrawal (id, player_id, gateway_id, amount_minor, currency, status, hold_id, hold_reason, jurisdiction) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, playerId, gatewayId, amount.amountMinor(), amount.currency().code(), st,
                    hold.transactionId(), reason, jurisdiction);
            events.withdrawal(id, playerId, st, null, amount.toDecimalString(), amount.currency().code(), reason, gatewayId);
            return st;
        });
        if ("REQUESTED".equals(status)) submit(id);
        return find(id).orElseThrow();
    }

    /** KYC_NOT_APPROVED, AML_CURRENCY_REVIEW, AML_SINGLE_LIMIT, AML_ROLLING_LIMIT, or null when nothing holds it. */
    private String holdReason(UUID playerId, Money amount, String jurisdiction) {
        if (!"APPROVED".equals(kyc.status(playerId))) return "KYC_NOT_APPROVED";
        PaymentsProperties.AmlLimits limits = props.aml().get(jurisdiction);
        if (limits == null) return null;
        if (!limits.currency().equals(amount.currency().code())) return "AML_CURRENCY_REVIEW";
        CurrencyUnit cur = amount.currency();
        Money single;
        Money rolling;
        try {
            single = Money.parse(limits.singleLimit(), cur);
            rolling = Money.parse(limits.rollingLimit(), cur);
        } catch (AmountFormatException e) {
            throw new IllegalStateException("hub.payments.aml." + jurisdiction + " limits are not amounts in " + cur, e);
        }
        if (amount.amountMinor() > single.amountMinor()) return "AML_SINGLE_LIMIT";
        Long recent = jdbc.queryForObject("SELECT coalesce(sum(amount_minor), 0) FROM withdrawal WHERE player_id = ? AND currency = ? "
                        + "AND jurisdiction = ? AND status NOT IN ('REJECTED', 'FAILED') AND created_at > ?", Long.class,
                playerId, cur.code(), jurisdiction, Timestamp.from(Instant.now().minus(limits.rollingWindow())));
        if (Math.addExact(recent, amount.amountMinor()) > rolling.amountMinor()) return "AML_ROLLING_LIMIT";
        return null;
    }

    /** Submits a REQUESTED withdrawal to its gateway (idempotency key = withdrawal id). */
    void submit(UUID id) {
        Withdrawal w = find(id).orElseThrow();
        if (!"REQUESTED".equals(w.status())) return;
        GatewayClient.Result r = gateway.createPayout(w.gatewayId(), id, w.amount());
        if (r instanceof GatewayClient.Accepted a) {
            tx.executeWithoutResult(s -> {
                int n = jdbc.update("UPDATE withdrawal SET status = 'SUBMITTED', psp_reference = ?, updated_at = clock_timestamp() "
                        + "WHERE id = ? AND status = 'REQUESTED'", a.id(), id);
                if (n == 1) events.withdrawal(id, w.playerId(), "SUBMITTED", "REQUESTED", w.amount().toDecimalString(), w.currency(), null, w.gatewayId());
                else jdbc.update("UPDATE withdrawal SET psp_reference = ? WHERE id = ? AND psp_reference IS NULL", a.id(), id);
            });
        } else if (r instanceof GatewayClient.Declined dec) {
            tx.executeWithoutResult(s -> {
                Withdrawal locked = lock(id);
                if (!"REQUESTED".equals(locked.status())) return;
                release(locked, "FAILED", null);
            });
            log.info("withdrawal {} declined by gateway {}: {} {}", id, w.gatewayId(), dec.status(), dec.body());
        } else {
            java.time.Duration next = DepositService.backOff(jdbc.queryForObject(
                    "UPDATE withdrawal SET submit_attempts = submit_attempts + 1 WHERE id = ? RETURNING submit_attempts", Integer.class, id), props);
            jdbc.update("UPDATE withdrawal SET next_submit_at = ? WHERE id = ?", Timestamp.from(Instant.now().plus(next)), id);
            log.warn("withdrawal {}: gateway {} unavailable ({}); will resume in {}", id, w.gatewayId(), ((GatewayClient.Unavailable) r).reason(), next);
        }
    }

    /** REQUESTED withdrawals whose gateway call had an unknown outcome are sent again (same key). */
    int resumeUnsubmitted(int max) {
        List<UUID> ids = jdbc.queryForList("SELECT id FROM withdrawal WHERE status = 'REQUESTED' AND psp_reference IS NULL AND next_submit_at < ? "
                + "AND updated_at < ? ORDER BY next_submit_at LIMIT ?", UUID.class, Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now().minus(props.inbox().resumeAfter())), max);
        ids.forEach(this::submit);
        return ids.size();
    }

    /** Operator approval of an ON_HOLD withdrawal: back to REQUESTED and submitted. KYC must be APPROVED. */
    public Withdrawal approve(UUID id, String operator) {
        tx.executeWithoutResult(s -> {
            Withdrawal w = lock(id);
            if (!"ON_HOLD".equals(w.status())) throw new PaymentProblem(409, "INVALID_STATE", "withdrawal is " + w.status() + ", not ON_HOLD");
            if (!"APPROVED".equals(kyc.status(w.playerId()))) {
                throw new PaymentProblem(409, "KYC_NOT_APPROVED", "the player's KYC is " + kyc.status(w.playerId()));
            }
            if (ledger.owedMinor(w.playerId()) > 0) throw owing(w.playerId(), CurrencyUnit.of(w.currency()));
            jdbc.update("UPDATE withdrawal SET status = 'REQUESTED', decided_by = ?, updated_at = clock_timestamp() WHERE id = ?", operator, id);
            events.withdrawal(id, w.playerId(), "REQUESTED", "ON_HOLD", w.amount().toDecimalString(), w.currency(), w.holdReason(), w.gatewayId());
            audit.record(operator, "WITHDRAWAL_APPROVED", "withdrawal:" + id, PaymentsAudit.fields("status", "ON_HOLD", "holdReason", w.holdReason()),
                    PaymentsAudit.fields("status", "REQUESTED"));
        });
        submit(id);
        return find(id).orElseThrow();
    }

    /** Operator rejection of an ON_HOLD withdrawal: REJECTED, the hold voided back to the player's cash. */
    public Withdrawal reject(UUID id, String operator) {
        tx.executeWithoutResult(s -> {
            Withdrawal w = lock(id);
            if (!"ON_HOLD".equals(w.status())) throw new PaymentProblem(409, "INVALID_STATE", "withdrawal is " + w.status() + ", not ON_HOLD");
            release(w, "REJECTED", operator);
            audit.record(operator, "WITHDRAWAL_REJECTED", "withdrawal:" + id, PaymentsAudit.fields("status", "ON_HOLD", "holdReason", w.holdReason()),
                    PaymentsAudit.fields("status", "REJECTED"));
        });
        return find(id).orElseThrow();
    }

    /**
     * The player takes back a withdrawal that waits ON_HOLD for an operator (payments.md §5.2 CANCELED, "player reversal
     * before approval"): CANCELED, the hold voided back to the player's cash, once. Only ON_HOLD: a REQUESTED withdrawal
     * may be on its way to the gateway, and a SUBMITTED one is the gateway's. 404 for another player's withdrawal,
     * 409 {@code INVALID_STATE} in any other state (a repeat after success too: the withdrawal is CANCELED).
     */
    public Withdrawal cancel(UUID playerId, UUID id) {
        tx.executeWithoutResult(s -> {
            Withdrawal w = lock(id);
            if (!w.playerId().equals(playerId)) throw new PaymentProblem(404, "NOT_FOUND", "no withdrawal " + id);
            if (!"ON_HOLD".equals(w.status())) {
                throw new PaymentProblem(409, "INVALID_STATE", "withdrawal is " + w.status() + "; only one waiting ON_HOLD can be cancelled");
            }
            release(w, "CANCELED", null);
        });
        return find(id).orElseThrow();
    }

    /**
     * Puts the player's REQUESTED (not yet submitted) withdrawals ON_HOLD, in the caller's transaction: on a KYC rejection
     * ({@code KYC_REJECTED}) or when a chargeback or refund leaves the player owing money ({@code RECEIVABLE_OUTSTANDING}).
     */
    int holdRequested(UUID playerId, String reason) {
        // withdrawals already ON_HOLD for a milder reason (KYC_NOT_APPROVED, an AML limit) now wait for this one: an
        // operator triaging the hold queue sees what blocks them (approval checks every reason again anyway)
        List<Withdrawal> ws = jdbc.query("SELECT * FROM withdrawal WHERE player_id = ? AND (status = 'REQUESTED' OR (status = 'ON_HOLD' "
                + "AND hold_reason IS DISTINCT FROM ?)) FOR UPDATE", ROW, playerId, reason);
        for (Withdrawal w : ws) {
            jdbc.update("UPDATE withdrawal SET status = 'ON_HOLD', hold_reason = ?, updated_at = clock_timestamp() WHERE id = ?", reason, w.id());
            events.withdrawal(w.id(), playerId, "ON_HOLD", w.status(), w.amount().toDecimalString(), w.currency(), reason, w.gatewayId());
        }
        return ws.size();
    }

    private Withdrawal lock(UUID id) {
        return jdbc.query("SELECT * FROM withdrawal WHERE id = ? FOR UPDATE", ROW, id).stream().findFirst()
                .orElseThrow(() -> new PaymentProblem(404, "NOT_FOUND", "no withdrawal " + id));
    }

    private void release(Withdrawal w, String status, String operator) {
        PlayerAccounts acc = ledger.player(w.playerId());
        ledger.transfer("WITHDRAWAL_RELEASED", "withdrawal:" + w.id() + ":release", w.playerId(), acc.held(), acc.cash(), w.amountMinor(),
                null, w.holdId(), Map.of("withdrawalId", w.id().toString(), "status", status));
        repayOwed(w, Map.of("withdrawalId", w.id().toString(), "status", status));
        jdbc.update("UPDATE withdrawal SET status = ?, decided_by = coalesce(?, decided_by), updated_at = clock_timestamp() WHERE id = ?",
                status, operator, w.id());
        events.withdrawal(w.id(), w.playerId(), status, w.status(), w.amount().toDecimalString(), w.currency(), w.holdReason(), w.gatewayId());
    }

    /**
     * Applies one verified payout event inside the caller's transaction.
     *
     * @return the outcome, or empty when no withdrawal matches (UNMATCHED, retried)
     */
    Optional<InboxOutcome> apply(String gatewayId, VerifiedWebhook event) {
        Optional<Withdrawal> found = match(gatewayId, event);
        if (found.isEmpty()) return Optional.empty();
        Withdrawal w = found.get();
        PaymentStatus status = (PaymentStatus) event.status();
        Decision decision = PaymentStateMachines.withdrawal(WithdrawalState.valueOf(w.status()), status);
        switch (decision.kind()) {
            case DEFER:
                return Optional.of(InboxOutcome.deferred("withdrawal " + w.id() + " is " + w.status() + "; " + status + " waits"));
            case IGNORE:
                return Optional.of(InboxOutcome.processed("recorded only: withdrawal " + w.id() + " is " + w.status() + ", event " + status));
            default:
                break;
        }
        PlayerAccounts acc = ledger.player(w.playerId());
        Map<String, Object> meta = Map.of("withdrawalId", w.id().toString(), "eventId", event.eventId());
        switch (decision.posting()) {
            case PAY_OUT_HOLD:
                ledger.transfer("WITHDRAWAL_PAID", "withdrawal:" + w.id() + ":paid", w.playerId(), acc.held(), ledger.clearing(acc), w.amountMinor(),
                        null, w.holdId(), meta);
                break;
            case RELEASE_HOLD:
                ledger.transfer("WITHDRAWAL_RELEASED", "withdrawal:" + w.id() + ":release", w.playerId(), acc.held(), acc.cash(), w.amountMinor(),
                        null, w.holdId(), meta);
                break;
            case CREDIT_RETURNED:
                ledger.transfer("WITHDRAWAL_RETURNED", "withdrawal:" + w.id() + ":returned", w.playerId(), ledger.clearing(acc), acc.cash(),
                        w.amountMinor(), null, null, meta);
                break;
            default:
                throw new IllegalStateException("not a withdrawal posting: " + decision.posting());
        }
        if (decision.posting() != PaymentStateMachines.Posting.PAY_OUT_HOLD) repayOwed(w, meta);
        jdbc.update("UPDATE withdrawal SET status = ?, psp_reference = coalesce(psp_reference, ?), updated_at = clock_timestamp() WHERE id = ?",
                decision.next(), event.reference().orElse(null), w.id());
        events.withdrawal(w.id(), w.playerId(), decision.next(), w.status(), w.amount().toDecimalString(), w.currency(), w.holdReason(), w.gatewayId());
        return Optional.of(InboxOutcome.processed("withdrawal " + w.id() + " " + w.status() + " → " + decision.next()));
    }

    /** 409 RECEIVABLE_OUTSTANDING with what the player owes (GET /wallet/balance shows it as {@code owed}). */
    private PaymentProblem owing(UUID playerId, CurrencyUnit currency) {
        return new PaymentProblem(409, "RECEIVABLE_OUTSTANDING", "the player owes " + Money.ofMinor(ledger.owedMinor(playerId), currency)
                .toDecimalString() + " " + currency.code() + " from a chargeback or refund; a deposit pays it first");
    }

    /**
     * Money a withdrawal gives back to the player's cash (rejected, cancelled, failed, returned) first pays what the
     * player owes from a chargeback or refund, up to the amount given back, in its own RECEIVABLE_REPAID transaction
     * ({@code withdrawal:<id>:receivable}) in the same database transaction — like a deposit does (ADR 0008). Without
     * it a player could hold cash and a debt side by side and stay blocked.
     */
    private void repayOwed(Withdrawal w, Map<String, Object> meta) {
        if (ledger.owedMinor(w.playerId()) > 0) {
            ledger.repayReceivable("withdrawal:" + w.id() + ":receivable", w.playerId(), w.amountMinor(), meta);
        }
    }

    /** By {@code metadata.withdrawalId}, else by the gateway's payout id; locked. */
    private Optional<Withdrawal> match(String gatewayId, VerifiedWebhook event) {
        String byMeta = event.attributes().get("metadata.withdrawalId");
        if (byMeta != null) {
            try {
                List<Withdrawal> w = jdbc.query("SELECT * FROM withdrawal WHERE id = ? AND gateway_id = ? FOR UPDATE", ROW, UUID.fromString(byMeta), gatewayId);
                if (!w.isEmpty()) return Optional.of(w.get(0));
            } catch (IllegalArgumentException notAUuid) {
                // fall through
            }
        }
        if (event.reference().isEmpty()) return Optional.empty();
        return jdbc.query("SELECT * FROM withdrawal WHERE psp_reference = ? AND gateway_id = ? FOR UPDATE", ROW, event.reference().get(), gatewayId)
                .stream().findFirst();
    }
}
