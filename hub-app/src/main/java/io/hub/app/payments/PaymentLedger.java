package io.hub.app.payments;

import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.app.ledger.AccountType;
import io.hub.app.ledger.AccountRef;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.LedgerResult;
import io.hub.app.ledger.Leg;
import io.hub.contracts.money.CurrencyUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The ledger transactions of payments, each idempotent on (source {@code payments}, scope "", {@code <kind>:<id>:<step>}),
 * so every posting of a deposit or withdrawal happens exactly once however often its event is delivered or processed.
 * Reason codes: DEPOSIT, DEPOSIT_REFUNDED, DEPOSIT_CHARGED_BACK, DEPOSIT_REINSTATED, WITHDRAWAL_RESERVED (pending
 * hold cash → held), WITHDRAWAL_PAID (hold → PSP clearing), WITHDRAWAL_RELEASED (hold → cash), WITHDRAWAL_RETURNED.
 */
@Component
public class PaymentLedger {
    static final String SOURCE = "payments";
    private final Ledger ledger;
    private final AccountDirectory accounts;

    public PaymentLedger(Ledger ledger, AccountDirectory accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    public PlayerAccounts player(UUID playerId) {
        return accounts.player(playerId).orElseThrow(() -> new PaymentProblem(404, "NOT_FOUND", "player has no wallet"));
    }

    public AccountRef clearing(PlayerAccounts acc) {
        return accounts.systemAccount(AccountType.PSP_CLEARING, acc.currency(), acc.cash().id());
    }

    /** The player's cash balance in minor units (not locked). */
    public long cash(PlayerAccounts acc) {
        return accounts.balance(acc.cash().id())[0];
    }

    public LedgerResult transfer(String reason, String externalId, UUID playerId, AccountRef from, AccountRef to, long amountMinor,
                                 Duration holdTimeout, UUID resolvesHold, Map<String, Object> metadata) {
        CurrencyUnit cur = CurrencyUnit.of(from.currency());
        return ledger.apply(new LedgerCommand(new IdempotencyKey(SOURCE, "", externalId), reason, cur, playerId,
                List.of(Leg.transfer(from, to, amountMinor)),
                reason + "|" + externalId + "|" + amountMinor + "|" + cur.code(), holdTimeout, resolvesHold, metadata,
                applied -> Map.of("transactionId", applied.transactionId().toString())));
    }
}
