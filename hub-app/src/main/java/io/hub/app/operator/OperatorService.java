package io.hub.app.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.AccountType;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.LedgerResult;
import io.hub.app.ledger.Leg;
import io.hub.app.player.User;
import io.hub.app.player.UserDirectory;
import io.hub.app.web.AuditLog;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Manual adjustments: a credit or debit of a player's cash against the ADJUSTMENT account of the currency,
 * reason code ADJUSTMENT, idempotent on the operator's {@code Idempotency-Key} (source {@code operator}, global
 * scope). The audit log row is written in the same transaction.
 */
@Service
public class OperatorService {
    private final Ledger ledger;
    private final AccountDirectory accounts;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    private final AuditLog audit;
    private final UserDirectory users;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Creates a player account for an operator and records it in the audit trail (action {@code PLAYER_CREATED},
     * target {@code player:<id>}, after = username, currency, external subject; never the password), in one transaction.
     */
    public User createPlayer(String operator, String username, String password, String currency, String subject) {
        return tx.execute(s -> {
            User u = users.createPlayer(username, password, currency, subject);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("username", username);
            after.put("currency", currency);
            after.put("subject", subject);
            audit.record(operator, "PLAYER_CREATED", "player:" + u.id(), null, after);
            return u;
        });
    }

    private static Object json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    public OperatorService(Ledger ledger, AccountDirectory accounts, JdbcTemplate jdbc, TransactionTemplate tx,
                           AuditLog audit, UserDirectory users) {
        this.audit = audit;
        this.users = users;
        this.ledger = ledger;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public enum Direction { CREDIT, DEBIT }

    /**
     * The stored answer of an adjustment: {@code {"transactionId","playerId","direction","amount","balance","currency"}}.
     */
    public record AdjustmentResult(String transactionId, String playerId, String direction, String amount, String balance,
                                   String currency, long balanceVersion) {
    }

    /**
     * @param amountText positive decimal string in major units of the player's currency
     * @throws RejectedException UNKNOWN_PLAYER, INVALID_AMOUNT, INSUFFICIENT_FUNDS (debit), IDEMPOTENCY_CONFLICT
     */
    public LedgerResult adjust(String operator, UUID playerId, Direction direction, String amountText, String reason,
                               String idempotencyKey) {
        var acc = accounts.player(playerId).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER));
        CurrencyUnit cur = CurrencyUnit.of(acc.currency());
        Money amount = Money.parse(amountText, cur);
        if (!amount.isPositive()) throw new RejectedException(RejectionCode.INVALID_AMOUNT, "amount must be positive");
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new RejectedException(RejectionCode.MISSING_FIELD, "reason is required (1-500 characters)");
        }
        var counter = accounts.systemAccount(AccountType.ADJUSTMENT, cur.code(), 0);
        Leg[] legs = direction == Direction.CREDIT ? Leg.transfer(counter, acc.cash(), amount.amountMinor())
                : Leg.transfer(acc.cash(), counter, amount.amountMinor());
        LedgerCommand cmd = new LedgerCommand(new IdempotencyKey("operator", "", idempotencyKey), "ADJUSTMENT", cur, playerId,
                List.of(legs), "adjust|" + playerId + "|" + direction + "|" + amount.amountMinor() + "|" + reason, null, null,
                Map.of("operator", operator, "reason", reason, "direction", direction.name()),
                applied -> {
                    LedgerResult.Balance b = applied.balances().get(acc.cash().id());
                    return new AdjustmentResult(applied.transactionId().toString(), playerId.toString(), direction.name(),
                            amount.toDecimalString(), Money.ofMinor(b.balanceMinor(), cur).toDecimalString(), cur.code(), b.version());
                });
        return tx.execute(s -> {
            LedgerResult r = ledger.apply(cmd);
            if (r instanceof LedgerResult.Applied) {
                audit.record(operator, "ADJUSTMENT", "player:" + playerId, null, json(r.resultJson()));
            }
            return r;
        });
    }
}
