package io.hub.providers.pragmatic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.Applied;
import io.hub.contracts.wallet.PromoCredit;
import io.hub.contracts.wallet.PromoKind;
import io.hub.contracts.wallet.Rejected;
import io.hub.contracts.wallet.Rollback;
import io.hub.contracts.wallet.RoundEnd;
import io.hub.contracts.wallet.SessionCheck;
import io.hub.contracts.wallet.SessionResult;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.WalletResult;
import io.hub.contracts.wallet.Win;
import io.hub.providers.PlayerDirectory;
import io.hub.providers.pragmatic.PragmaticMessages.Operation;
import io.hub.providers.pragmatic.PragmaticMessages.Request;
import io.hub.providers.pragmatic.PragmaticMessages.Response;
import io.hub.providers.support.Amounts;
import io.hub.providers.support.BadRequest;
import io.hub.providers.support.StrictJson;
import io.hub.providers.support.WalletResults;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Form parameters ⇄ {@link PragmaticMessages} ⇄ canonical commands/results (providers.md §4 shape B). Amounts are
 * major-unit decimals parsed exactly in the player's wallet currency (from {@link PlayerDirectory}; {@code promoWin}
 * carries its own {@code currency}); more decimals than the currency allows (other than trailing zeros) and negative
 * amounts are refused (error 7).
 */
public final class PragmaticMapper {
    private final PragmaticSettings settings;
    private final PlayerDirectory players;

    public PragmaticMapper(PragmaticSettings settings, PlayerDirectory players) {
        this.settings = settings;
        this.players = players;
    }

    public Request read(Operation op, Map<String, String> p) throws BadRequest {
        return switch (op) {
            case AUTHENTICATE -> new PragmaticMessages.Authenticate(req(p, "token"), opt(p, "gameId"), opt(p, "ipAddress"));
            case BALANCE -> new PragmaticMessages.Balance(req(p, "userId"), opt(p, "token"));
            case BET -> new PragmaticMessages.Bet(req(p, "userId"), opt(p, "token"), req(p, "gameId"), req(p, "roundId"),
                    req(p, "amount"), req(p, "reference"), req(p, "timestamp"), opt(p, "roundDetails"),
                    opt(p, "bonusCode"), opt(p, "jackpotContribution"), opt(p, "jackpotId"));
            case RESULT -> new PragmaticMessages.Result(req(p, "userId"), opt(p, "token"), req(p, "gameId"),
                    req(p, "roundId"), req(p, "amount"), req(p, "reference"), req(p, "timestamp"), opt(p, "bonusCode"),
                    opt(p, "promoWinAmount"), opt(p, "promoWinReference"), opt(p, "promoCampaignID"),
                    opt(p, "promoCampaignType"));
            case BONUS_WIN -> new PragmaticMessages.BonusWin(req(p, "userId"), req(p, "amount"), req(p, "reference"),
                    req(p, "bonusCode"), opt(p, "roundId"), opt(p, "gameId"), opt(p, "requestId"));
            case JACKPOT_WIN -> new PragmaticMessages.JackpotWin(req(p, "userId"), req(p, "gameId"), req(p, "roundId"),
                    req(p, "jackpotId"), req(p, "amount"), req(p, "reference"));
            case PROMO_WIN -> new PragmaticMessages.PromoWin(req(p, "userId"), req(p, "campaignId"),
                    req(p, "campaignType"), req(p, "amount"), req(p, "currency"), req(p, "reference"));
            case REFUND -> new PragmaticMessages.Refund(req(p, "userId"), req(p, "reference"), opt(p, "amount"),
                    opt(p, "gameId"), opt(p, "roundId"));
            case END_ROUND -> new PragmaticMessages.EndRound(req(p, "userId"), req(p, "gameId"), req(p, "roundId"),
                    opt(p, "win"));
        };
    }

    public WalletCommand toCommand(Request request) throws BadRequest {
        String pid = settings.providerId();
        if (request instanceof PragmaticMessages.Authenticate r) {
            return new SessionCheck(pid, null, r.token(), null, r.gameId(), false);
        }
        if (request instanceof PragmaticMessages.Balance r) {
            return new io.hub.contracts.wallet.Balance(pid, r.userId(), r.token(), null, null, null);
        }
        if (request instanceof PragmaticMessages.Bet r) {
            CurrencyUnit c = walletCurrency(r.userId());
            return new io.hub.contracts.wallet.Bet(pid, r.userId(), r.token(), null, r.gameId(), r.roundId(),
                    r.reference(), r.reference(), Amounts.parseDecimal(r.amount(), c, false), false, false,
                    r.bonusCode());
        }
        if (request instanceof PragmaticMessages.Result r) {
            CurrencyUnit c = walletCurrency(r.userId());
            Money promo = r.promoWinAmount() == null ? null : Amounts.parseDecimal(r.promoWinAmount(), c, false);
            return new Win(pid, r.userId(), r.token(), null, r.gameId(), r.roundId(), r.reference(), null,
                    Amounts.parseDecimal(r.amount(), c, false), false, promo, r.promoWinReference());
        }
        if (request instanceof PragmaticMessages.BonusWin r) {
            CurrencyUnit c = walletCurrency(r.userId());
            return new PromoCredit(pid, r.userId(), null, r.requestId(), r.gameId(), r.roundId(), r.reference(),
                    Amounts.parseDecimal(r.amount(), c, false), PromoKind.BONUS, r.bonusCode(), null);
        }
        if (request instanceof PragmaticMessages.JackpotWin r) {
            CurrencyUnit c = walletCurrency(r.userId());
            return new PromoCredit(pid, r.userId(), null, null, r.gameId(), r.roundId(), r.reference(),
                    Amounts.parseDecimal(r.amount(), c, false), PromoKind.JACKPOT, r.jackpotId(), null);
        }
        if (request instanceof PragmaticMessages.PromoWin r) {
            CurrencyUnit c;
            try {
                c = CurrencyUnit.of(r.currency());
            } catch (IllegalArgumentException e) {
                throw new BadRequest(WalletRejection.CURRENCY_MISMATCH, "unsupported currency");
            }
            return new PromoCredit(pid, r.userId(), null, null, null, null, r.reference(),
                    Amounts.parseDecimal(r.amount(), c, false), PromoKind.PROMOTION, r.campaignId(), r.campaignType());
        }
        if (request instanceof PragmaticMessages.Refund r) {
            Money claimed = null;
            if (r.amount() != null) {
                Optional<CurrencyUnit> c = players.currencyOf(pid, r.userId());
                if (c.isPresent()) claimed = Amounts.parseDecimal(r.amount(), c.get(), false);
            }
            return new Rollback(pid, r.userId(), null, null, r.gameId(), r.roundId(), null, r.reference(), claimed,
                    false);
        }
        PragmaticMessages.EndRound r = (PragmaticMessages.EndRound) request;
        return new RoundEnd(pid, r.userId(), null, null, r.gameId(), r.roundId());
    }

    /** The answer for an endpoint; error answers carry the balance when the wallet gave one. */
    public Response toResponse(Operation op, WalletCommand command, WalletResult result) {
        Money cash = WalletResults.balance(result);
        Money bonus = WalletResults.bonus(result);
        BigDecimal cashD = cash == null ? null : Amounts.toMajor(cash);
        BigDecimal bonusD = cash == null ? null : Amounts.toMajor(bonus != null ? bonus : Money.zero(cash.currency()));
        String currency = cash == null ? null : cash.currency().code();
        if (result instanceof Rejected r) {
            PragmaticErrorCodes.Code code = PragmaticErrorCodes.codeFor(r.reason());
            return new Response(null, null, currency, cashD, bonusD, null, null, code.number, PragmaticErrorCodes.descriptionFor(r.reason()));
        }
        PragmaticErrorCodes.Code ok = PragmaticErrorCodes.Code.SUCCESS;
        String txId = result instanceof Applied a ? a.hubTransactionId() : null;
        return switch (op) {
            case AUTHENTICATE -> {
                SessionResult s = (SessionResult) result;
                yield new Response(null, s.playerId(), currency, cashD, bonusD, null, s.sessionToken(), ok.number,
                        ok.description);
            }
            case BALANCE -> new Response(null, null, currency, cashD, bonusD, null, null, ok.number, ok.description);
            case BET -> new Response(txId, null, currency, cashD, bonusD, BigDecimal.ZERO.setScale(cash.currency().scale()),
                    null, ok.number, ok.description);
            case RESULT, BONUS_WIN, JACKPOT_WIN, PROMO_WIN ->
                    new Response(txId, null, currency, cashD, bonusD, null, null, ok.number, ok.description);
            case REFUND -> new Response(txId, null, null, null, null, null, null, ok.number, ok.description);
            case END_ROUND -> new Response(null, null, null, cashD, bonusD, null, null, ok.number, ok.description);
        };
    }

    /** Serialises an answer with null fields omitted. */
    public static byte[] write(Response r) {
        ObjectNode o = StrictJson.object();
        if (r.transactionId() != null) o.put("transactionId", r.transactionId());
        if (r.userId() != null) o.put("userId", r.userId());
        if (r.currency() != null) o.put("currency", r.currency());
        if (r.cash() != null) o.put("cash", r.cash());
        if (r.bonus() != null) o.put("bonus", r.bonus());
        if (r.usedPromo() != null) o.put("usedPromo", r.usedPromo());
        if (r.token() != null) o.put("token", r.token());
        o.put("error", r.error());
        o.put("description", r.description());
        return StrictJson.write(o);
    }

    private CurrencyUnit walletCurrency(String userId) throws BadRequest {
        return players.currencyOf(settings.providerId(), userId)
                .orElseThrow(() -> new BadRequest(WalletRejection.UNKNOWN_PLAYER, "unknown player"));
    }

    private static String req(Map<String, String> p, String key) throws BadRequest {
        String v = p.get(key);
        if (v == null || v.isEmpty()) throw new BadRequest(WalletRejection.MISSING_FIELD, key + " is required");
        return v;
    }

    private static String opt(Map<String, String> p, String key) {
        String v = p.get(key);
        return v == null || v.isEmpty() ? null : v;
    }
}
