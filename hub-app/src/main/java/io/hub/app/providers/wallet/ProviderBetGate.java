package io.hub.app.providers.wallet;

import io.hub.contracts.wallet.WalletRejection;
import java.util.Optional;
import java.util.UUID;

/**
 * A check every provider bet passes before any money moves (e.g. a KYC-rejected player places no new bets; wins on
 * open rounds still pay). Beans of this type are consulted in order by {@link ProviderWallet}'s one bet path; none
 * are registered by default.
 */
@FunctionalInterface
public interface ProviderBetGate {
    /** Empty to let the bet through, else the rejection to answer (in the provider's protocol). */
    Optional<WalletRejection> check(UUID playerId, String providerId);
}
