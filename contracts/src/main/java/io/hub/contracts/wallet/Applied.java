package io.hub.contracts.wallet;

import io.hub.contracts.money.Money;
import java.util.Objects;

/**
 * The money command took effect (or had taken effect before: {@code replay}). The balance is the one the provider's
 * policy says a replay returns: the original response's or the current one (providers.md §1 row 9).
 *
 * @param hubTransactionId the hub's id for the ledger transaction (Pragmatic answers it as {@code transactionId})
 * @param bonus            bonus balance, or null for none
 * @param replay           true when this answers a repeat of an already applied command
 */
public record Applied(String hubTransactionId, Money balance, Money bonus, boolean replay) implements WalletResult {
    public Applied {
        Objects.requireNonNull(hubTransactionId, "hubTransactionId");
        Objects.requireNonNull(balance, "balance");
    }
}
