package io.hub.app.providers.wallet.conformance;

import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import java.util.List;

/**
 * Speaks one protocol from the provider's side for the conformance kit: renders a canonical call into the exact
 * request the provider would send (signed with the sandbox credentials) and reads the hub's provider-format answer.
 */
public interface ProtocolDriver {
    /**
     * A canonical provider call.
     *
     * @param op         bet, win, rollback, promo, end-round, check-session (Hub88 {@code user/info}, Pragmatic
     *                   {@code authenticate.html}; Evolution's {@code check} rotates the sid and is not rendered),
     *                   balance (Hub88 {@code user/balance}, Pragmatic {@code balance.html}, Evolution {@code balance})
     * @param betRef     the bet a win/rollback refers to
     * @param amount     stake, win, promo amount, or the rollback's claimed amount (may be null); its currency is the
     *                   call's currency
     * @param gameCode   the provider's game code the call names (Hub88 {@code game_code}, PP {@code gameId}, Evolution
     *                   {@code game.details.table.id}); {@link #DEFAULT_GAME} when not given
     * @param amountText the amount as sent, in major units, instead of {@code amount}'s value (e.g. {@code "1.001"} EUR,
     *                   which no {@link Money} holds), or null
     */
    record Call(String op, String providerId, String playerId, String token, String txId, String betRef, String roundId,
                Money amount, boolean roundClosed, String requestId, String gameCode, String amountText) {
        public Call {
            if (gameCode == null) gameCode = DEFAULT_GAME;
        }

        /** A call with its amount as a {@link Money}. */
        public Call(String op, String providerId, String playerId, String token, String txId, String betRef, String roundId,
                    Money amount, boolean roundClosed, String requestId, String gameCode) {
            this(op, providerId, playerId, token, txId, betRef, roundId, amount, roundClosed, requestId, gameCode, null);
        }

        /** The amount in major units as the provider sends it. */
        public java.math.BigDecimal amountValue() {
            return amountText != null ? new java.math.BigDecimal(amountText) : new java.math.BigDecimal(amount.toDecimalString());
        }

        /** A call naming {@link #DEFAULT_GAME}. */
        public Call(String op, String providerId, String playerId, String token, String txId, String betRef, String roundId,
                    Money amount, boolean roundClosed, String requestId) {
            this(op, providerId, playerId, token, txId, betRef, roundId, amount, roundClosed, requestId, DEFAULT_GAME);
        }
    }

    /** The game code of calls that name none: the kit's own (listed only where an operator lists it). */
    String DEFAULT_GAME = "conformance-game";

    /** The request, or null when the protocol has no such call (e.g. Hub88 has no round-end call). */
    ProviderCallback render(Call call);

    /** The protocol status the hub must answer for a canonical outcome ({@code OK} or a WalletRejection name). */
    String expectedStatus(String canonical);

    /** The protocol status the hub answered. */
    String actualStatus(ProviderCallbackAnswer answer);

    /** The balance in the answer, or null when it carries none. */
    Money responseBalance(ProviderCallbackAnswer answer, CurrencyUnit currency);

    /** Protocol-level problems of an answer (e.g. a Hub88 answer whose signature does not verify). */
    List<String> problems(ProviderCallbackAnswer answer);
}
