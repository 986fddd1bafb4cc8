package io.hub.providers.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.Balance;
import io.hub.contracts.wallet.Bet;
import io.hub.contracts.wallet.PromoCredit;
import io.hub.contracts.wallet.PromoKind;
import io.hub.contracts.wallet.Rejected;
import io.hub.contracts.wallet.Rollback;
import io.hub.contracts.wallet.SessionCheck;
import io.hub.contracts.wallet.SessionResult;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.WalletResult;
import io.hub.contracts.wallet.Win;
import io.hub.providers.evolution.EvolutionMessages.CheckResponse;
import io.hub.providers.evolution.EvolutionMessages.Game;
import io.hub.providers.evolution.EvolutionMessages.Operation;
import io.hub.providers.evolution.EvolutionMessages.PromoTransaction;
import io.hub.providers.evolution.EvolutionMessages.Request;
import io.hub.providers.evolution.EvolutionMessages.StandardResponse;
import io.hub.providers.evolution.EvolutionMessages.Transaction;
import io.hub.providers.support.Amounts;
import io.hub.providers.support.BadRequest;
import io.hub.providers.support.StrictJson;
import io.hub.providers.support.WalletResults;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * JSON ⇄ {@link EvolutionMessages} ⇄ canonical commands/results (providers.md §4 shape C). Amounts are exact
 * decimals; more decimals than the currency allows (beyond trailing zeros) → INVALID_PARAMETER.
 */
public final class EvolutionMapper {
    private final EvolutionSettings settings;

    public EvolutionMapper(EvolutionSettings settings) {
        this.settings = settings;
    }

    public Request read(Operation op, JsonNode json) throws BadRequest {
        String sid = StrictJson.text(json, "sid", true);
        String userId = StrictJson.text(json, "userId", true);
        String uuid = StrictJson.text(json, "uuid", false);
        String channelType = null;
        if (op == Operation.CHECK) {
            channelType = StrictJson.text(StrictJson.objectField(json, "channel", false), "type", false);
            return new Request(op, sid, userId, uuid, channelType, null, null, null, null);
        }
        String currency = StrictJson.text(json, "currency", true);
        // debit, credit and cancel name their round in game.id; balance and promo_payout need no game (§4 shape C lists
        // only promoTransaction for a promo payout: a tournament or free-round payout may belong to no round)
        Game game = game(StrictJson.objectField(json, "game", op == Operation.DEBIT || op == Operation.CREDIT || op == Operation.CANCEL));
        Transaction tx = null;
        PromoTransaction promo = null;
        if (op == Operation.DEBIT || op == Operation.CREDIT || op == Operation.CANCEL) {
            JsonNode t = StrictJson.objectField(json, "transaction", true);
            tx = new Transaction(StrictJson.id(t, "id", true), StrictJson.id(t, "refId", true),
                    StrictJson.decimal(t, "amount", op != Operation.CANCEL));
        } else if (op == Operation.PROMO_PAYOUT) {
            JsonNode p = StrictJson.objectField(json, "promoTransaction", true);
            BigInteger rounds = StrictJson.integer(p, "remainingRounds", false);
            promo = new PromoTransaction(StrictJson.text(p, "type", true), StrictJson.id(p, "id", true),
                    StrictJson.decimal(p, "amount", true), StrictJson.text(p, "voucherId", false),
                    rounds == null ? null : rounds.longValue());
        }
        return new Request(op, sid, userId, uuid, channelType, currency, game, tx, promo);
    }

    private static Game game(JsonNode g) throws BadRequest {
        if (g == null) return null;
        JsonNode details = StrictJson.objectField(g, "details", false);
        JsonNode table = details == null ? null : StrictJson.objectField(details, "table", false);
        return new Game(StrictJson.id(g, "id", false), StrictJson.text(g, "type", false),
                table == null ? null : StrictJson.id(table, "id", false),
                table == null ? null : StrictJson.id(table, "vid", false));
    }

    public WalletCommand toCommand(Request r) throws BadRequest {
        String pid = settings.providerId();
        if (r.operation() == Operation.CHECK) return new SessionCheck(pid, r.userId(), r.sid(), r.uuid(), null, true);
        CurrencyUnit c = currency(r.currency());
        Game g = r.game();
        String gameCode = g == null ? null : g.code();
        switch (r.operation()) {
            case BALANCE:
                return new Balance(pid, r.userId(), r.sid(), r.uuid(), gameCode, c);
            case DEBIT:
                return new Bet(pid, r.userId(), r.sid(), r.uuid(), gameCode, roundId(g), r.transaction().id(),
                        r.transaction().refId(), Amounts.ofDecimal(r.transaction().amount(), c, false), false, false,
                        null);
            case CREDIT:
                // no round flag: Evolution has none; "Gamewise" settlement [E3] is the wallet's policy (settlement)
                return new Win(pid, r.userId(), r.sid(), r.uuid(), gameCode, roundId(g), r.transaction().id(),
                        r.transaction().refId(), Amounts.ofDecimal(r.transaction().amount(), c, false), false, null, null);
            case CANCEL: {
                BigDecimal a = r.transaction().amount();
                return new Rollback(pid, r.userId(), r.sid(), r.uuid(), gameCode, roundId(g), r.transaction().id(),
                        r.transaction().refId(), a == null ? null : Amounts.ofDecimal(a, c, false), false);
            }
            default: {
                PromoTransaction p = r.promoTransaction();
                PromoKind kind = p.type().toUpperCase(Locale.ROOT).contains("JACKPOT") ? PromoKind.JACKPOT
                        : PromoKind.PROMOTION;
                return new PromoCredit(pid, r.userId(), r.sid(), r.uuid(), gameCode, g == null ? null : g.id(), p.id(),
                        Amounts.ofDecimal(p.amount(), c, false), kind, p.voucherId(), p.type());
            }
        }
    }

    /** {@code check} answers {@link CheckResponse}; everything else {@link StandardResponse}. */
    public Object toResponse(WalletCommand command, WalletResult result) {
        EvolutionErrorCodes.Status status = result instanceof Rejected rj
                ? EvolutionErrorCodes.statusFor(rj.reason()) : EvolutionErrorCodes.Status.OK;
        if (command instanceof SessionCheck) {
            String sid = result instanceof SessionResult s ? s.sessionToken() : null;
            return new CheckResponse(status, sid, command.requestId());
        }
        Money balance = WalletResults.balance(result);
        Money bonus = WalletResults.bonus(result);
        // Valkyrie answers errors without a known balance with 0 ([E2] defaultErrorResponse).
        BigDecimal b = balance == null ? BigDecimal.ZERO : Amounts.toMajor(balance);
        BigDecimal bb = bonus != null ? Amounts.toMajor(bonus)
                : balance == null ? BigDecimal.ZERO : Amounts.toMajor(Money.zero(balance.currency()));
        return new StandardResponse(status, b, bb, command.requestId());
    }

    public static byte[] write(Object response) {
        ObjectNode o = StrictJson.object();
        if (response instanceof CheckResponse c) {
            o.put("status", c.status().name());
            if (c.sid() != null) o.put("sid", c.sid());
            if (c.uuid() != null) o.put("uuid", c.uuid());
        } else {
            StandardResponse s = (StandardResponse) response;
            o.put("status", s.status().name());
            o.put("balance", s.balance());
            o.put("bonus", s.bonus());
            if (s.uuid() != null) o.put("uuid", s.uuid());
            if (s.status().retransmission) o.put("retransmission", true);
        }
        return StrictJson.write(o);
    }

    static EvolutionErrorCodes.Status statusOf(Object response) {
        return response instanceof CheckResponse c ? c.status() : ((StandardResponse) response).status();
    }

    private static String roundId(Game g) throws BadRequest {
        if (g == null || g.id() == null) throw new BadRequest(WalletRejection.MISSING_FIELD, "game.id is required");
        return g.id();
    }

    private static CurrencyUnit currency(String code) throws BadRequest {
        try {
            return CurrencyUnit.of(code);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(WalletRejection.CURRENCY_MISMATCH, "unsupported currency");
        }
    }
}
