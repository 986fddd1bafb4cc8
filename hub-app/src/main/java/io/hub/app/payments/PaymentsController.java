package io.hub.app.payments;

import io.hub.app.auth.CurrentUser;
import io.hub.app.player.User;
import io.hub.app.web.ApiError;
import io.hub.contracts.money.AmountFormatException;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The player's payments API (player JWT; every POST needs an {@code Idempotency-Key}, see
 * {@link io.hub.app.web.IdempotencyFilter}). Amounts are decimal strings in the currency's scale (ADR 0004).
 * <ul>
 *   <li>{@code POST /payments/deposits} {@code {"amount":"10.00","currency":"EUR"}} → 201
 *       {@code {"depositId","status","amount","refundedAmount","currency","redirectUrl"}} ({@code refundedAmount}: refunded
 *       so far, "0.00" until a refund)</li>
 *   <li>{@code GET /payments/deposits/{id}} → the same shape (PENDING, SUCCEEDED, FAILED, PARTIALLY_REFUNDED, REFUNDED,
 *       DISPUTED, CHARGED_BACK, REVERSED)</li>
 *   <li>{@code POST /payments/withdrawals} {@code {"amount","currency"}} → 201 {@code {"withdrawalId","status","amount","currency"}};
 *       422 INSUFFICIENT_FUNDS; 409 RECEIVABLE_OUTSTANDING while the player owes money from a chargeback or refund</li>
 *   <li>{@code GET /payments/withdrawals/{id}} → the same shape (REQUESTED, ON_HOLD, SUBMITTED, PAID, FAILED, RETURNED, REJECTED,
 *       CANCELED)</li>
 *   <li>{@code POST /payments/withdrawals/{id}/cancel} → the same shape, CANCELED: only a withdrawal waiting ON_HOLD (409
 *       {@code INVALID_STATE} otherwise); the money goes back to the player's cash</li>
 *   <li>{@code GET /payments?page=0&size=20} → {@code {"items":[{"kind","id","status","amount","currency","createdAt"}],"page","size"}}</li>
 *   <li>{@code GET /kyc} → {@code {"status"}}</li>
 * </ul>
 * Errors: 400 INVALID_AMOUNT (a JSON number, a bad decimal, zero or negative), CURRENCY_MISMATCH (not the wallet's),
 * MISSING_FIELD; 404 NOT_FOUND for another player's or an unknown id.
 */
@RestController
public class PaymentsController {
    private final CurrentUser currentUser;
    private final DepositService deposits;
    private final WithdrawalService withdrawals;
    private final KycService kyc;
    private final PaymentsProperties props;
    private final JdbcTemplate jdbc;

    public PaymentsController(CurrentUser currentUser, DepositService deposits, WithdrawalService withdrawals, KycService kyc,
                              PaymentsProperties props, JdbcTemplate jdbc) {
        this.currentUser = currentUser;
        this.deposits = deposits;
        this.withdrawals = withdrawals;
        this.kyc = kyc;
        this.props = props;
        this.jdbc = jdbc;
    }

    /** {@code amount} is typed Object only to tell a JSON number apart and refuse it (ADR 0004). */
    public record AmountRequest(Object amount, String currency, String gatewayId) {
    }

    @PostMapping(path = "/payments/deposits", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> deposit(@AuthenticationPrincipal Jwt jwt, @RequestBody AmountRequest body) {
        User user = player(jwt);
        Money amount = amount(body, user);
        var d = deposits.create(user.id(), amount, gateway(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(d));
    }

    @GetMapping(path = "/payments/deposits/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> deposit(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        User user = player(jwt);
        return deposits.find(id).filter(d -> d.playerId().equals(user.id())).map(PaymentsController::view)
                .orElseThrow(() -> new PaymentProblem(404, "NOT_FOUND", "no deposit " + id));
    }

    @PostMapping(path = "/payments/withdrawals", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> withdraw(@AuthenticationPrincipal Jwt jwt, @RequestBody AmountRequest body) {
        User user = player(jwt);
        Money amount = amount(body, user);
        var w = withdrawals.request(user.id(), amount, gateway(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(w));
    }

    /** The player takes back a withdrawal waiting ON_HOLD: 200 with status CANCELED; 409 INVALID_STATE otherwise. */
    @PostMapping(path = "/payments/withdrawals/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> cancelWithdrawal(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return view(withdrawals.cancel(player(jwt).id(), id));
    }

    @GetMapping(path = "/payments/withdrawals/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> withdrawal(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        User user = player(jwt);
        return withdrawals.find(id).filter(w -> w.playerId().equals(user.id())).map(PaymentsController::view)
                .orElseThrow(() -> new PaymentProblem(404, "NOT_FOUND", "no withdrawal " + id));
    }

    @GetMapping(path = "/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> history(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size) {
        User user = player(jwt);
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 100);
        List<Map<String, Object>> items = jdbc.query("SELECT 'DEPOSIT' AS kind, id, status, amount_minor, currency, created_at FROM deposit WHERE player_id = ? "
                        + "UNION ALL SELECT 'WITHDRAWAL', id, status, amount_minor, currency, created_at FROM withdrawal WHERE player_id = ? "
                        + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("kind", rs.getString(1));
                    m.put("id", rs.getString(2));
                    m.put("status", rs.getString(3));
                    String cur = rs.getString(5).trim();
                    m.put("amount", Money.ofMinor(rs.getLong(4), CurrencyUnit.of(cur)).toDecimalString());
                    m.put("currency", cur);
                    m.put("createdAt", rs.getTimestamp(6).toInstant().toString());
                    return m;
                }, user.id(), user.id(), s, (long) p * s);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("page", p);
        out.put("size", s);
        return out;
    }

    @GetMapping(path = "/kyc", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> kyc(@AuthenticationPrincipal Jwt jwt) {
        return Map.of("status", kyc.status(player(jwt).id()));
    }

    @ExceptionHandler(PaymentProblem.class)
    public ResponseEntity<ApiError> problem(PaymentProblem e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(new ApiError(e.error(), e.getMessage()));
    }

    private User player(Jwt jwt) {
        User u = currentUser.of(jwt);
        if (u.role() != User.Role.PLAYER) throw new PaymentProblem(403, "FORBIDDEN", "only players have payments");
        return u;
    }

    private String gateway(AmountRequest body) {
        return body.gatewayId() == null || body.gatewayId().isBlank() ? props.defaultGateway() : body.gatewayId();
    }

    static Money amount(AmountRequest body, User user) {
        if (body == null || body.amount() == null || body.currency() == null) {
            throw new PaymentProblem(400, "MISSING_FIELD", "amount and currency are required");
        }
        if (!(body.amount() instanceof String text)) {
            throw new PaymentProblem(400, "INVALID_AMOUNT", "amount must be a decimal string such as \"10.00\"");
        }
        if (!body.currency().equals(user.currency())) {
            throw new PaymentProblem(400, "CURRENCY_MISMATCH", "the wallet's currency is " + user.currency());
        }
        Money m;
        try {
            m = Money.parse(text, CurrencyUnit.of(user.currency()));
        } catch (AmountFormatException e) {
            throw new PaymentProblem(400, "INVALID_AMOUNT", e.getMessage());
        }
        if (!m.isPositive()) throw new PaymentProblem(400, "INVALID_AMOUNT", "amount must be positive");
        return m;
    }

    static Map<String, Object> view(DepositService.Deposit d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("depositId", d.id().toString());
        m.put("status", d.status());
        m.put("amount", d.amount().toDecimalString());
        m.put("refundedAmount", d.refunded().toDecimalString());
        m.put("currency", d.currency());
        m.put("redirectUrl", d.redirectUrl());
        return m;
    }

    static Map<String, Object> view(WithdrawalService.Withdrawal w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("withdrawalId", w.id().toString());
        m.put("status", w.status());
        m.put("amount", w.amount().toDecimalString());
        m.put("currency", w.currency());
        return m;
    }

    static String instant(Instant i) {
        return i.toString();
    }
}
