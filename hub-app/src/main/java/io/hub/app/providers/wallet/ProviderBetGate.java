package io.hub.app.providers.wallet;

import io.hub.app.providers.ProviderConfig;
import io.hub.contracts.wallet.Bet;
import io.hub.contracts.wallet.WalletRejection;
import java.util.Optional;
import java.util.UUID;

/**
 * A check every new provider bet passes before any money moves (e.g. a KYC-rejected player places no new bets, a bet
 * must name a game the provider's catalogue lets through); wins, rollbacks, round ends and bet-less credits on rounds
 * already open never pass a gate, so money owed to a player still pays. Beans of this type are consulted in order
 * ({@code @Order}) by {@link ProviderWallet}'s one bet path, inside the bet's database transaction and after the replay
 * check (a repeat of an accepted bet gets its original answer even if a gate closed since). A refusal writes nothing.
 */
@FunctionalInterface
public interface ProviderBetGate {
    /**
     * @param playerId the hub player placing the bet
     * @param provider the onboarded provider (its policy table included)
     * @param bet      the canonical bet as the adapter decoded it
     * @return empty to let the bet through, else the rejection to answer (in the provider's protocol)
     */
    Optional<WalletRejection> check(UUID playerId, ProviderConfig provider, Bet bet);
}
