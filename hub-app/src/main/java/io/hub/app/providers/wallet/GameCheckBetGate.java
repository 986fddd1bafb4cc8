package io.hub.app.providers.wallet;

import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.catalogue.GameAvailability;
import io.hub.contracts.wallet.Bet;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.providers.ProviderPolicy;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new bet must name a game the provider's catalogue lets through, per the provider's policy
 * {@link ProviderPolicy#gameCheck()}:
 * <table>
 *   <caption>bet outcome by the game code's catalogue state</caption>
 *   <tr><th>gameCheck</th><th>listed, enabled</th><th>disabled by an operator</th><th>delisted by a sync</th>
 *       <th>never listed (or no code)</th></tr>
 *   <tr><td>STRICT (default for new providers)</td><td>passes</td><td>refused</td><td>refused</td><td>refused</td></tr>
 *   <tr><td>LISTED_OR_UNKNOWN_ALLOWED</td><td>passes</td><td>refused</td><td>refused</td><td>passes</td></tr>
 *   <tr><td>OFF</td><td>passes</td><td>passes</td><td>passes</td><td>passes</td></tr>
 * </table>
 * A refusal is {@link WalletRejection#UNKNOWN_GAME}, which each adapter answers with its protocol's game code
 * (providers.md §1 row 13, §4: Hub88 {@code RS_ERROR_INVALID_GAME}, Pragmatic error 8 "game not found or disabled",
 * Evolution {@code INVALID_PARAMETER}: §4 lists no game status for Evolution, so the closest one), with the player's
 * balance and no ledger write. The game code is the adapter's {@link Bet#gameId()} (Hub88 {@code game_code}, PP
 * {@code gameId}, Evolution {@code game.details.table.id}, else {@code game.type}).
 *
 * <p>Only bets pass this gate: wins, rollbacks/refunds, round ends and bet-less credits of rounds already open are
 * applied whatever the catalogue says now (money owed to a player is never blocked by a catalogue change), and a
 * replay of a bet accepted before the change gets its original answer ({@link ProviderWallet} checks replays first).
 * The catalogue state comes from {@link GameAvailability}'s per-node snapshot (a change on another node bites within
 * {@code hub.providers.cache-ttl}).
 */
@Component
@Order(0)
class GameCheckBetGate implements ProviderBetGate {
    private static final Logger log = LoggerFactory.getLogger(GameCheckBetGate.class);
    private final GameAvailability games;

    GameCheckBetGate(GameAvailability games) {
        this.games = games;
    }

    @Override
    public Optional<WalletRejection> check(UUID playerId, ProviderConfig provider, Bet bet) {
        ProviderPolicy.GameCheck mode = provider.policy().gameCheck();
        if (mode == ProviderPolicy.GameCheck.OFF) return Optional.empty();
        GameAvailability.Status status = games.status(provider.id(), bet.gameId());
        boolean passes = status == GameAvailability.Status.LISTED
                || (status == GameAvailability.Status.UNKNOWN && mode == ProviderPolicy.GameCheck.LISTED_OR_UNKNOWN_ALLOWED);
        if (passes) return Optional.empty();
        log.debug("bet {} of provider {} refused: game {} is {} (gameCheck {})", bet.transactionId(), provider.id(), bet.gameId(), status, mode);
        return Optional.of(WalletRejection.UNKNOWN_GAME);
    }
}
