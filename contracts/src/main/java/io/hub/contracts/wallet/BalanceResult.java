package io.hub.contracts.wallet;

import io.hub.contracts.money.Money;
import java.util.Objects;

/** The player's current cash balance and optional bonus balance (null = none). */
public record BalanceResult(Money balance, Money bonus) implements WalletResult {
    public BalanceResult {
        Objects.requireNonNull(balance, "balance");
    }
}
