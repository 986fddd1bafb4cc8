package io.hub.contracts.events;

/** Receives every record of the wallet topic on this node (to push live balances to connected players). */
public interface WalletEventListener {
    /** @param payload the record value: the JSON written by the ledger's outbox (see docs/asyncapi.yaml) */
    void onWalletEvent(String payload);
}
