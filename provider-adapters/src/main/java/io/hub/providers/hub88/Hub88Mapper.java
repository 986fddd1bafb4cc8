package io.hub.providers.hub88;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.Applied;
import io.hub.contracts.wallet.Balance;
import io.hub.contracts.wallet.BalanceResult;
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
import io.hub.providers.hub88.Hub88Messages.BalanceRequest;
import io.hub.providers.hub88.Hub88Messages.BetRequest;
import io.hub.providers.hub88.Hub88Messages.InfoRequest;
import io.hub.providers.hub88.Hub88Messages.Operation;
import io.hub.providers.hub88.Hub88Messages.Request;
import io.hub.providers.hub88.Hub88Messages.Response;
import io.hub.providers.hub88.Hub88Messages.RollbackRequest;
import io.hub.providers.hub88.Hub88Messages.WinRequest;
import io.hub.providers.support.Amounts;
import io.hub.providers.support.BadRequest;
import io.hub.providers.support.StrictJson;
import io.hub.providers.support.WalletResults;
import java.math.BigInteger;

/**
 * JSON ⇄ {@link Hub88Messages} ⇄ canonical wallet commands/results for the Hub88-style protocol (providers.md §4
 * shape A). Integer amounts at the protocol scale become {@link Money} at the currency's ISO scale exactly; an amount
 * with sub-minor-unit digits, a non-integer or a value beyond int64 is refused (RS_ERROR_WRONG_TYPES).
 */
public final class Hub88Mapper {
    private final Hub88Settings settings;

    public Hub88Mapper(Hub88Settings settings) {
        this.settings = settings;
    }

    /** Reads the request message for an operation from a parsed JSON object. */
    public Request read(Operation op, JsonNode json) throws BadRequest {
        String user = StrictJson.text(json, "user", true);
        String token = StrictJson.text(json, "token", false);
        String requestUuid = StrictJson.text(json, "request_uuid", true);
        String gameCode = StrictJson.text(json, "game_code", op == Operation.BET || op == Operation.WIN);
        String currency = StrictJson.text(json, "currency", op == Operation.BET || op == Operation.WIN);
        return switch (op) {
            case INFO -> new InfoRequest(user, token, requestUuid, gameCode, currency);
            case BALANCE -> new BalanceRequest(user, token, requestUuid, gameCode, currency);
            case BET -> new BetRequest(user, token, requestUuid, gameCode, currency,
                    StrictJson.text(json, "transaction_uuid", true), StrictJson.id(json, "round", true),
                    StrictJson.bool(json, "round_closed", false), StrictJson.integer(json, "amount", true),
                    StrictJson.bool(json, "is_free", false), StrictJson.text(json, "reward_uuid", false),
                    StrictJson.text(json, "campaign_uuid", false), StrictJson.echo(json, "bet"));
            case WIN -> {
                boolean promo = StrictJson.bool(json, "is_supplier_promo", false);
                yield new WinRequest(user, token, requestUuid, gameCode, currency,
                        StrictJson.text(json, "transaction_uuid", true),
                        StrictJson.text(json, "reference_transaction_uuid", !promo),
                        StrictJson.id(json, "round", !promo), StrictJson.bool(json, "round_closed", false),
                        StrictJson.integer(json, "amount", true), StrictJson.bool(json, "is_free", false), promo,
                        StrictJson.text(json, "reward_uuid", false), StrictJson.text(json, "campaign_uuid", false),
                        StrictJson.integer(json, "jackpot_win", false));
            }
            case ROLLBACK -> new RollbackRequest(user, token, requestUuid, gameCode, currency,
                    StrictJson.text(json, "transaction_uuid", true),
                    StrictJson.text(json, "reference_transaction_uuid", true), StrictJson.id(json, "round", false),
                    StrictJson.bool(json, "round_closed", false), StrictJson.integer(json, "amount", false));
        };
    }

    /** Translates a message into the canonical command. */
    public WalletCommand toCommand(Request request) throws BadRequest {
        String pid = settings.providerId();
        if (request instanceof InfoRequest r) {
            // the token is checked as a session (current, the user's, REAL) without rotating it; no token: the wallet
            if (r.token() != null) return new SessionCheck(pid, r.user(), r.token(), r.requestUuid(), r.gameCode(), false);
            return new Balance(pid, r.user(), null, r.requestUuid(), r.gameCode(), r.currency() == null ? null : currency(r.currency()));
        }
        if (request instanceof BalanceRequest r) {
            return new Balance(pid, r.user(), r.token(), r.requestUuid(), r.gameCode(),
                    r.currency() == null ? null : currency(r.currency()));
        }
        if (request instanceof BetRequest r) {
            return new Bet(pid, r.user(), r.token(), r.requestUuid(), r.gameCode(), r.round(),
                    r.transactionUuid(), r.transactionUuid(), money(r.amount(), currency(r.currency())),
                    r.roundClosed(), r.isFree(), r.rewardUuid());
        }
        if (request instanceof WinRequest r) {
            Money amount = money(r.amount(), currency(r.currency()));
            if (r.isSupplierPromo() && r.referenceTransactionUuid() == null) {
                return new PromoCredit(pid, r.user(), r.token(), r.requestUuid(), r.gameCode(), r.round(),
                        r.transactionUuid(), amount, PromoKind.PROMOTION, r.campaignUuid(), "supplier_promo");
            }
            return new Win(pid, r.user(), r.token(), r.requestUuid(), r.gameCode(), r.round(),
                    r.transactionUuid(), r.referenceTransactionUuid(), amount, r.roundClosed(), null, null);
        }
        RollbackRequest r = (RollbackRequest) request;
        return new Rollback(pid, r.user(), r.token(), r.requestUuid(), r.gameCode(), r.round(),
                r.transactionUuid(), r.referenceTransactionUuid(),
                r.amount() == null || r.currency() == null ? null : money(r.amount(), currency(r.currency())),
                r.roundClosed());
    }

    /** The response message for a command's result. */
    public Response toResponse(WalletCommand command, WalletResult result) {
        String requestUuid = command.requestId();
        String user = command.playerId();
        if (result instanceof Rejected r) {
            // a refusal answers the balance when the protocol can express it; a player beyond int64 at the protocol
            // scale (credited by another path) gets the status without one, never a failure to answer
            boolean expressible = r.balance() != null && r.balance().amountMinor() <= maxBalanceMinor(r.balance().currency());
            return new Response(Hub88ErrorCodes.statusFor(r.reason()), requestUuid, user,
                    r.balance() != null ? r.balance().currency().code() : commandCurrency(command),
                    expressible ? protocolAmount(r.balance()) : null);
        }
        Money balance = WalletResults.balance(result);
        return new Response(Hub88ErrorCodes.Status.RS_OK, requestUuid, user, balance.currency().code(),
                protocolAmount(balance));
    }

    /** Serialises a response in the §4 field order. */
    public static byte[] write(Response response) {
        ObjectNode o = StrictJson.object();
        o.put("status", response.status().name());
        if (response.requestUuid() != null) o.put("request_uuid", response.requestUuid());
        if (response.user() != null) o.put("user", response.user());
        if (response.currency() != null) o.put("currency", response.currency());
        if (response.balance() != null) o.put("balance", response.balance().longValue());
        return StrictJson.write(o);
    }

    long protocolAmount(Money money) {
        return Amounts.toScaledInteger(money, settings.protocolScale(money.currency().code()));
    }

    /** The largest balance (minor units) whose protocol integer fits int64: {@code Long.MAX_VALUE / 10^(scale - ISO scale)}. */
    long maxBalanceMinor(CurrencyUnit currency) {
        long factor = 1;
        for (int i = currency.scale(); i < settings.protocolScale(currency.code()); i++) factor *= 10;
        return Long.MAX_VALUE / factor;
    }

    private Money money(BigInteger amount, CurrencyUnit currency) throws BadRequest {
        if (amount.bitLength() > 63) throw new BadRequest(WalletRejection.INVALID_AMOUNT, "amount beyond int64");
        return Amounts.ofScaledInteger(amount, settings.protocolScale(currency.code()), currency, false);
    }

    private static CurrencyUnit currency(String code) throws BadRequest {
        try {
            return CurrencyUnit.of(code);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(WalletRejection.CURRENCY_MISMATCH, "unsupported currency " + code);
        }
    }

    private static String commandCurrency(WalletCommand c) {
        Money m = c instanceof Bet b ? b.amount() : c instanceof Win w ? w.amount()
                : c instanceof PromoCredit p ? p.amount() : c instanceof Rollback r ? r.claimedAmount() : null;
        if (m != null) return m.currency().code();
        return c instanceof Balance b && b.currency() != null ? b.currency().code() : null;
    }
}
