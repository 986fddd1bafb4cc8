package io.hub.app.ledger;

import java.util.Map;
import java.util.UUID;

/** What applying a {@link LedgerCommand} gave. */
public sealed interface LedgerResult {
    UUID transactionId();

    /** The stored answer as JSON text (the same text on every replay). */
    String resultJson();

    /**
     * The command was applied now.
     *
     * @param balances the cached balances after this transaction of every tracked (player) account it touched
     * @param result   the answer object that {@code resultJson} serialises (null while the answer is being built)
     */
    record Applied(UUID transactionId, String resultJson, Map<Long, Balance> balances, Object result) implements LedgerResult {
    }

    /** The same request was applied before; nothing changed now. */
    record Replayed(UUID transactionId, String resultJson) implements LedgerResult {
    }

    /**
     * A tracked account's balance after a transaction.
     *
     * @param balanceMinor balance in minor units, never negative
     * @param version      incremented by every change; orders balance pushes
     */
    record Balance(long accountId, long balanceMinor, long version) {
    }
}
