package io.hub.app.providers.wallet;

import io.hub.app.providers.ProviderConfig;
import io.hub.contracts.payments.KycGate;
import io.hub.contracts.wallet.Bet;
import io.hub.contracts.wallet.WalletRejection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Provider bets ask the same KYC gate as lobby spins (payments.md §7 #15): a player whose identity check was rejected
 * places no new bet with any provider (answered as {@link WalletRejection#PLAYER_BLOCKED} in the provider's
 * protocol); wins, rollbacks and round ends of rounds already open still pay, since they never pass this gate.
 */
@Component
class KycBetGate implements ProviderBetGate {
    private final KycGate kyc;

    KycBetGate(KycGate kyc) {
        this.kyc = kyc;
    }

    @Override
    public Optional<WalletRejection> check(UUID playerId, ProviderConfig provider, Bet bet) {
        return kyc.mayWager(playerId) ? Optional.empty() : Optional.of(WalletRejection.PLAYER_BLOCKED);
    }
}
