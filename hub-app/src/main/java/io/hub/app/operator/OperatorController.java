package io.hub.app.operator;

import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.LedgerCheck;
import io.hub.app.ledger.LedgerQueries;
import io.hub.app.ledger.LedgerResult;
import io.hub.app.player.User;
import io.hub.app.player.UserDirectory;
import io.hub.app.player.UsernameTakenException;
import io.hub.app.web.ApiError;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator basics (operator JWT). All amounts are decimal strings in major units of the player's currency.
 * <ul>
 *   <li>{@code POST /operator/players} {@code {"username","password","currency","subject"?}} → 201 player; 409 CONFLICT if taken</li>
 *   <li>{@code GET /operator/players?limit&offset} → players with balances</li>
 *   <li>{@code GET /operator/players/{id}} → one player with balance</li>
 *   <li>{@code POST /operator/players/{id}/adjustments} + {@code Idempotency-Key} {@code {"direction":"CREDIT|DEBIT","amount","reason"}}
 *       → 201 (200 on a replay, with the original answer); 400 without the key; 409 IDEMPOTENCY_CONFLICT for a
 *       reused key with another body; 422 INSUFFICIENT_FUNDS</li>
 *   <li>{@code GET /operator/players/{id}/transactions?limit&before} → newest first</li>
 *   <li>{@code GET /operator/ledger/check} → {@code {"balanced","transactions","accounts","problems"}}</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/operator", produces = MediaType.APPLICATION_JSON_VALUE)
public class OperatorController {
    private final UserDirectory users;
    private final AccountDirectory accounts;
    private final OperatorService operator;
    private final LedgerQueries queries;
    private final LedgerCheck check;

    public OperatorController(UserDirectory users, AccountDirectory accounts, OperatorService operator, LedgerQueries queries,
                              LedgerCheck check) {
        this.users = users;
        this.accounts = accounts;
        this.operator = operator;
        this.queries = queries;
        this.check = check;
    }

    public record CreatePlayer(String username, String password, String currency, String subject) {
    }

    /** {@code amount} must be a JSON string (ADR 0004); it is typed Object only to tell a number apart and refuse it. */
    public record Adjustment(String direction, Object amount, String reason) {
    }

    @PostMapping("/players")
    public ResponseEntity<Map<String, Object>> createPlayer(@AuthenticationPrincipal Jwt jwt, @RequestBody CreatePlayer body) {
        if (body == null || body.currency() == null) throw new RejectedException(RejectionCode.MISSING_FIELD, "username, password and currency are required");
        try {
            CurrencyUnit.of(body.currency());
        } catch (IllegalArgumentException e) {
            throw new RejectedException(RejectionCode.CURRENCY_MISMATCH, e.getMessage());
        }
        User u = operator.createPlayer(operatorName(jwt), body.username(), body.password(), body.currency(), body.subject());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(u));
    }

    @GetMapping("/players")
    public List<Map<String, Object>> players(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return users.list(Math.min(Math.max(limit, 1), 500), Math.max(offset, 0)).stream().map(this::view).toList();
    }

    @GetMapping("/players/{id}")
    public Map<String, Object> player(@PathVariable UUID id) {
        return view(users.byId(id).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER)));
    }

    @PostMapping("/players/{id}/adjustments")
    public ResponseEntity<String> adjust(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                         @RequestHeader("Idempotency-Key") String key, @RequestBody Adjustment body) {
        if (key.isBlank() || key.length() > 200) throw new RejectedException(RejectionCode.MISSING_FIELD, "Idempotency-Key must be 1-200 characters");
        if (body == null || body.direction() == null || body.amount() == null) {
            throw new RejectedException(RejectionCode.MISSING_FIELD, "direction, amount and reason are required");
        }
        if (!(body.amount() instanceof String amountText)) {
            throw new RejectedException(RejectionCode.INVALID_AMOUNT, "amount must be a decimal string such as \"1.50\"");
        }
        OperatorService.Direction direction;
        try {
            direction = OperatorService.Direction.valueOf(body.direction());
        } catch (IllegalArgumentException e) {
            throw new RejectedException(RejectionCode.INVALID_MESSAGE, "direction must be CREDIT or DEBIT");
        }
        LedgerResult r = operator.adjust(operatorName(jwt),
                id, direction, amountText, body.reason(), key);
        return ResponseEntity.status(r instanceof LedgerResult.Applied ? HttpStatus.CREATED : HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", String.valueOf(r instanceof LedgerResult.Replayed))
                .body(r.resultJson());
    }

    @GetMapping("/players/{id}/transactions")
    public List<Map<String, Object>> transactions(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit,
                                                  @RequestParam(required = false) Instant before) {
        var acc = accounts.player(id).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER));
        CurrencyUnit cur = CurrencyUnit.of(acc.currency());
        return queries.playerTransactions(id, acc.cash().id(), Math.min(Math.max(limit, 1), 500), before).stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transactionId", t.transactionId().toString());
            m.put("reason", t.reason());
            m.put("source", t.source());
            m.put("externalId", t.externalId());
            m.put("cashChange", Money.ofMinor(t.cashDeltaMinor(), cur).toDecimalString());
            m.put("currency", t.currency());
            m.put("createdAt", t.createdAt().toString());
            return m;
        }).toList();
    }

    @GetMapping("/ledger/check")
    public LedgerCheck.Report ledgerCheck() {
        return check.run();
    }

    @ExceptionHandler(UsernameTakenException.class)
    public ResponseEntity<ApiError> taken(UsernameTakenException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("CONFLICT", e.getMessage()));
    }

    private Map<String, Object> view(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("playerId", u.id().toString());
        m.put("username", u.username());
        m.put("role", u.role().name());
        m.put("currency", u.currency());
        m.put("status", u.status());
        if (u.role() == User.Role.PLAYER) {
            accounts.player(u.id()).ifPresent(acc -> {
                long[] b = accounts.balance(acc.cash().id());
                long[] h = accounts.balance(acc.held().id());
                CurrencyUnit cur = CurrencyUnit.of(acc.currency());
                m.put("balance", Money.ofMinor(b[0], cur).toDecimalString());
                m.put("held", Money.ofMinor(h[0], cur).toDecimalString());
                long owed = accounts.receivable(u.id(), acc.currency()).map(r -> -accounts.balance(r.id())[0]).orElse(0L);
                m.put("owed", Money.ofMinor(owed, cur).toDecimalString());
            });
        }
        return m;
    }

    private static String operatorName(Jwt jwt) {
        return io.hub.app.auth.CurrentUser.actorName(jwt);
    }
}
