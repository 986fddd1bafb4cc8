package io.hub.contracts.payments;

import java.util.UUID;

/**
 * Asked by every place that takes a new bet (the lobby spin, later provider bet callbacks): may this player wager now?
 * A KYC rejection (also one that arrives after an approval, payments.md §7 #15) blocks new bets, and so does money the
 * player owes the hub after a chargeback their balance could not cover (payments.md §5.2 "may go negative → lock
 * account"); wins and rollbacks of rounds already open still pay, so they do not ask.
 */
public interface KycGate {

    /** True when the player may place a new bet: KYC allows it under the configured policy and nothing is owed. */
    boolean mayWager(UUID playerId);
}
