package io.hub.providers.support;

import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.Applied;
import io.hub.contracts.wallet.BalanceResult;
import io.hub.contracts.wallet.Rejected;
import io.hub.contracts.wallet.SessionResult;
import io.hub.contracts.wallet.WalletResult;

/** Internal: reading balances out of the sealed result types without pattern switches (Java 17). */
public final class WalletResults {
    private WalletResults() {
    }

    /** The cash balance of a result; null for a {@link Rejected} without one. */
    public static Money balance(WalletResult result) {
        if (result instanceof Applied a) return a.balance();
        if (result instanceof BalanceResult b) return b.balance();
        if (result instanceof SessionResult s) return s.balance();
        return ((Rejected) result).balance();
    }

    /** The bonus balance of a result, or null. */
    public static Money bonus(WalletResult result) {
        if (result instanceof Applied a) return a.bonus();
        if (result instanceof BalanceResult b) return b.bonus();
        if (result instanceof SessionResult s) return s.bonus();
        return null;
    }
}
