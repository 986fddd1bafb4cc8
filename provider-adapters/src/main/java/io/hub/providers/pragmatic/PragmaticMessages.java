package io.hub.providers.pragmatic;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Pragmatic-style seamless wallet messages (providers.md §4 shape B, [P1]). Requests are form posts; every one
 * carries {@code hash} and {@code providerId}. Amounts stay decimal strings here ({@code "10.00"}, major units) and
 * are parsed exactly by the mapper.
 */
public final class PragmaticMessages {
    private PragmaticMessages() {
    }

    /** The endpoints ({@code {endpoint}.html}; the suffix is optional in {@link #ofPath}). */
    public enum Operation {
        AUTHENTICATE("authenticate"), BALANCE("balance"), BET("bet"), RESULT("result"), BONUS_WIN("bonusWin"),
        JACKPOT_WIN("jackpotWin"), PROMO_WIN("promoWin"), REFUND("refund"), END_ROUND("endRound");

        public final String endpoint;

        Operation(String endpoint) {
            this.endpoint = endpoint;
        }

        public static Optional<Operation> ofPath(String path) {
            String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
            String e = p.endsWith(".html") ? p.substring(0, p.length() - 5) : p;
            return Arrays.stream(values()).filter(o -> o.endpoint.equals(e)).findFirst();
        }
    }

    public sealed interface Request permits Authenticate, Balance, Bet, Result, BonusWin, JackpotWin, PromoWin,
            Refund, EndRound {
    }

    /** {@code authenticate.html}: {@code token, providerId, gameId?, ipAddress?}. */
    public record Authenticate(String token, String gameId, String ipAddress) implements Request {
    }

    /** {@code balance.html}: {@code userId, providerId, token?}. */
    public record Balance(String userId, String token) implements Request {
    }

    /**
     * {@code bet.html}: {@code userId, gameId, roundId, amount, reference, providerId, timestamp, roundDetails?,
     * bonusCode?, jackpotContribution?, jackpotId?, platform?, language?, ipAddress?, token?}.
     */
    public record Bet(String userId, String token, String gameId, String roundId, String amount, String reference,
                      String timestamp, String roundDetails, String bonusCode, String jackpotContribution,
                      String jackpotId) implements Request {
    }

    /**
     * {@code result.html}: {@code userId, gameId, roundId, amount, reference, providerId, timestamp, roundDetails?,
     * bonusCode?, promoWinAmount?, promoWinReference?, promoCampaignID?, promoCampaignType?, token?}.
     */
    public record Result(String userId, String token, String gameId, String roundId, String amount, String reference,
                         String timestamp, String bonusCode, String promoWinAmount, String promoWinReference,
                         String promoCampaignId, String promoCampaignType) implements Request {
    }

    /** {@code bonusWin.html}: {@code userId, amount, reference, bonusCode, providerId, roundId?, gameId?, requestId?}. */
    public record BonusWin(String userId, String amount, String reference, String bonusCode, String roundId,
                           String gameId, String requestId) implements Request {
    }

    /** {@code jackpotWin.html}: {@code userId, gameId, roundId, jackpotId, amount, reference, providerId}. */
    public record JackpotWin(String userId, String gameId, String roundId, String jackpotId, String amount,
                             String reference) implements Request {
    }

    /** {@code promoWin.html}: {@code userId, campaignId, campaignType (T/CJP/CB), amount, currency, reference}. */
    public record PromoWin(String userId, String campaignId, String campaignType, String amount, String currency,
                           String reference) implements Request {
    }

    /** {@code refund.html}: {@code userId, reference} (= the bet's reference), {@code amount?, gameId?, roundId?}. */
    public record Refund(String userId, String reference, String amount, String gameId, String roundId)
            implements Request {
    }

    /** {@code endRound.html}: {@code userId, gameId, roundId, roundDetails?, win?} ({@code win} informational). */
    public record EndRound(String userId, String gameId, String roundId, String win) implements Request {
    }

    /**
     * The JSON answer envelope {@code {transactionId, userId, currency, cash, bonus, usedPromo, token, error,
     * description}}; null fields are omitted. Which fields each endpoint returns: see {@link PragmaticMapper}.
     * Money is in major units with the currency's decimals ({@code 100.00}).
     */
    public record Response(String transactionId, String userId, String currency, BigDecimal cash, BigDecimal bonus,
                           BigDecimal usedPromo, String token, int error, String description) {
    }
}
