package io.hub.app.lobby;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.auth.RateLimits;
import io.hub.app.games.GameCatalogue;
import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.app.ledger.AccountType;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.LedgerResult;
import io.hub.app.ledger.Leg;
import io.hub.app.ledger.Uuids;
import io.hub.app.player.User;
import io.hub.app.player.UserDirectory;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.game.InHouseGame;
import io.hub.contracts.game.SpinOutcome;
import io.hub.contracts.lobby.LobbyFrame;
import io.hub.contracts.lobby.LobbyMessage;
import io.hub.contracts.lobby.LobbyPort;
import io.hub.contracts.lobby.LobbyReply;
import io.hub.contracts.lobby.SpinCommand;
import io.hub.contracts.lobby.SpinDraw;
import io.hub.contracts.lobby.SpinReservation;
import io.hub.contracts.money.AmountFormatException;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.app.fairness.FairnessService;
import io.hub.app.fairness.SpinSigner;
import io.hub.contracts.payments.KycGate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The lobby's side of the spin route ({@link LobbyPort}): each method is one step of
 * {@code io.hub.routes.LobbySpinRoute}.
 *
 * <p>Ledger transactions of one spin, both idempotent on the player's requestId (source {@code lobby}, scope = the
 * player id), committed together by the route's database transaction:
 * <ol>
 *   <li>{@code BET_RESERVED} (key = requestId): cash → held, a pending hold;</li>
 *   <li>{@code SPIN_SETTLED} (key = {@code settle:}requestId): held → house (the bet), house → cash (the win, if any),
 *       posting the hold; its stored result is the spinResult frame, so a retry gets exactly the original answer.</li>
 * </ol>
 * A hold left pending by an earlier version or another flow is resumed (settled) by a retry, or voided by the
 * hold-expiry sweeper.
 */
@Service
public class SpinService implements LobbyPort {
    static final String SOURCE = "lobby";
    private static final Logger log = LoggerFactory.getLogger(SpinService.class);
    private final LobbyCodec codec;
    private final RateLimits limits;
    private final GameCatalogue games;
    private final UserDirectory users;
    private final AccountDirectory accounts;
    private final Ledger ledger;
    private final FairnessService fairness;
    private final SpinSigner signer;
    private final ObjectMapper json;
    private final LobbyProperties props;
    private final KycGate kyc;

    public SpinService(LobbyCodec codec, RateLimits limits, GameCatalogue games, UserDirectory users, AccountDirectory accounts,
                       Ledger ledger, FairnessService fairness, SpinSigner signer, ObjectMapper json,
                       LobbyProperties props, KycGate kyc) {
        this.kyc = kyc;
        this.codec = codec;
        this.limits = limits;
        this.games = games;
        this.users = users;
        this.accounts = accounts;
        this.ledger = ledger;
        this.fairness = fairness;
        this.signer = signer;
        this.json = json;
        this.props = props;
    }

    @Override
    public LobbyMessage decode(LobbyFrame frame) {
        return codec.decode(frame);
    }

    @Override
    public SpinCommand validate(LobbyMessage.Spin spin) {
        org.slf4j.MDC.put("requestId", spin.requestId());
        if (!limits.trySpin(spin.playerId().toString(), spin.clientAddress())) throw new RejectedException(RejectionCode.RATE_LIMITED);
        InHouseGame game = games.inHouseGame(spin.gameId()).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_GAME));
        User user = users.byId(spin.playerId()).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER));
        if (!"ACTIVE".equals(users.status(user.id()))) throw new RejectedException(RejectionCode.PLAYER_BLOCKED);
        // a KYC rejection (also after an approval) blocks new bets (payments.md §5.3, §7 #15), as does money owed to the hub
        // after a chargeback (§5.2 "lock account")
        if (!kyc.mayWager(user.id())) {
            throw new RejectedException(RejectionCode.PLAYER_BLOCKED, "no new bets: identity verification rejected, or money owed from a chargeback");
        }
        CurrencyUnit currency = CurrencyUnit.of(user.currency());
        Money bet;
        try {
            bet = Money.parse(spin.bet(), currency);
        } catch (AmountFormatException e) {
            throw new RejectedException(RejectionCode.INVALID_AMOUNT, e.getMessage());
        }
        if (!bet.isPositive()) throw new RejectedException(RejectionCode.INVALID_AMOUNT, "bet must be positive");
        GameCatalogue.Limits l = games.limits(spin.gameId(), currency.code())
                .orElseThrow(() -> new RejectedException(RejectionCode.CURRENCY_MISMATCH, "game not offered in " + currency));
        if (bet.compareTo(l.minBet()) < 0) throw new RejectedException(RejectionCode.BET_BELOW_MINIMUM, "minimum bet is " + l.minBet().toDecimalString());
        if (bet.compareTo(l.maxBet()) > 0) throw new RejectedException(RejectionCode.BET_ABOVE_LIMIT, "maximum bet is " + l.maxBet().toDecimalString());
        game.checkBet(bet.amountMinor()).ifPresent(why -> {
            throw new RejectedException(RejectionCode.INVALID_BET_STEP, why);
        });
        return new SpinCommand(spin.playerId(), spin.gameId(), bet, spin.requestId());
    }

    @Override
    public Object reserve(SpinCommand cmd) {
        PlayerAccounts acc = accounts.player(cmd.playerId()).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER));
        UUID roundId = Uuids.v7();
        LedgerCommand hold = new LedgerCommand(key(cmd, ""), "BET_RESERVED", cmd.bet().currency(), cmd.playerId(),
                List.of(Leg.transfer(acc.cash(), acc.held(), cmd.bet().amountMinor())),
                "spin|" + cmd.gameId() + "|" + cmd.bet().amountMinor() + "|" + cmd.bet().currency().code(),
                props.holdTimeout(), null, Map.of("roundId", roundId.toString(), "gameId", cmd.gameId(), "requestId", cmd.requestId()),
                applied -> Map.of("holdId", applied.transactionId().toString(), "roundId", roundId.toString()));
        LedgerResult r = ledger.apply(hold);
        JsonNode stored = readTree(r.resultJson());
        SpinReservation reservation = new SpinReservation(cmd, UUID.fromString(stored.get("holdId").asText()),
                UUID.fromString(stored.get("roundId").asText()));
        if (r instanceof LedgerResult.Replayed) {
            var settled = ledger.find(key(cmd, "settle:"));
            if (settled.isPresent()) return codec.readSpinResult(settled.get().resultJson());
            if (!ledger.isPending(reservation.holdTransactionId())) {
                return new LobbyReply.Error(RejectionCode.INTERNAL_ERROR.name(), "this spin was cancelled and its bet returned", cmd.requestId());
            }
            log.info("resuming spin requestId={} hold={}", cmd.requestId(), reservation.holdTransactionId());
        }
        return reservation;
    }

    /**
     * Draws the outcome provably fair (docs/adr/0006): from the player's committed server seed, client seed and next
     * nonce, using up that nonce in this spin's database transaction.
     */
    @Override
    public SpinDraw draw(SpinReservation reservation) {
        InHouseGame game = games.inHouseGame(reservation.command().gameId()).orElseThrow();
        FairnessService.FairDraw d = fairness.draw(reservation.command().playerId(), game, reservation.command().bet().amountMinor());
        return new SpinDraw(reservation, d.outcome(), d.fairness());
    }

    @Override
    public LobbyReply.SpinResult settle(SpinDraw draw) {
        SpinReservation res = draw.reservation();
        SpinCommand cmd = res.command();
        SpinOutcome outcome = draw.outcome();
        PlayerAccounts acc = accounts.player(cmd.playerId()).orElseThrow();
        CurrencyUnit cur = cmd.bet().currency();
        var house = accounts.systemAccount(AccountType.HOUSE, cur.code(), acc.cash().id());
        long bet = cmd.bet().amountMinor();
        long payout = outcome.payoutMinor();
        List<Leg> legs = new ArrayList<>(List.of(Leg.transfer(acc.held(), house, bet)));
        if (payout > 0) legs.addAll(List.of(Leg.transfer(house, acc.cash(), payout)));
        LedgerCommand settle = new LedgerCommand(key(cmd, "settle:"), "SPIN_SETTLED", cur, cmd.playerId(), legs,
                "settle|" + res.holdTransactionId(), null, res.holdTransactionId(),
                Map.of("roundId", res.roundId().toString(), "gameId", cmd.gameId(), "requestId", cmd.requestId(),
                        "betMinor", bet, "payoutMinor", payout),
                applied -> {
                    LedgerResult.Balance cash = applied.balances().get(acc.cash().id());
                    long[] now = cash != null ? new long[] {cash.balanceMinor(), cash.version()} : accounts.balance(acc.cash().id());
                    // stored unsigned: encode() signs after the commit, outside the database transaction; Ed25519 is
                    // deterministic, so a replay of the stored answer gets the same signature
                    return new LobbyReply.SpinResult(cmd.requestId(), res.roundId().toString(), cmd.gameId(),
                            outcome.window(), cmd.bet().toDecimalString(), Money.ofMinor(payout, cur).toDecimalString(),
                            Money.ofMinor(now[0], cur).toDecimalString(), cur.code(), now[1], details(outcome, cur), draw.fairness(),
                            null, null);
                },
                // the round record, written by the settlement's own statement: every spin's stops and wins, and the
                // provably fair inputs (docs/fairness.md)
                new LedgerCommand.Companion("game_round",
                        List.of("id", "player_id", "game_id", "request_id", "currency", "bet_minor", "payout_minor", "outcome", "hold_tx",
                                "server_seed_hash", "client_seed", "nonce"),
                        "settle_tx",
                        Arrays.asList(res.roundId(), cmd.playerId(), cmd.gameId(), cmd.requestId(), cur.code(), bet, payout,
                                new Ledger.JsonText(toJson(Map.of("stops", outcome.stops(), "window", outcome.window(), "wins", outcome.wins(),
                                        "spins", outcome.spins()))),
                                res.holdTransactionId(),
                                draw.fairness() == null ? null : draw.fairness().serverSeedHash(),
                                draw.fairness() == null ? null : draw.fairness().clientSeed(),
                                draw.fairness() == null ? null : draw.fairness().nonce())));
        LedgerResult r = ledger.apply(settle);
        return r instanceof LedgerResult.Applied a ? (LobbyReply.SpinResult) a.result() : codec.readSpinResult(r.resultJson());
    }

    /** Every spin of the round for the frame (amounts as decimal strings); null when the game gives no detail. */
    private static List<LobbyReply.SpinDetail> details(SpinOutcome outcome, CurrencyUnit cur) {
        if (outcome.spins().isEmpty()) return null;
        List<LobbyReply.SpinDetail> out = new ArrayList<>();
        for (SpinOutcome.Spin s : outcome.spins()) {
            List<LobbyReply.WinLine> wins = s.wins().stream()
                    .map(w -> new LobbyReply.WinLine(w.description(), w.multiplier(), Money.ofMinor(w.amountMinor(), cur).toDecimalString()))
                    .toList();
            out.add(new LobbyReply.SpinDetail(s.index(), s.stops(), s.window(), s.multiplier(),
                    Money.ofMinor(s.winMinor(), cur).toDecimalString(), wins));
        }
        return out;
    }

    @Override
    public LobbyReply.Balance balance(LobbyMessage.Balance request) {
        PlayerAccounts acc = accounts.player(request.playerId()).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER));
        long[] b = accounts.balance(acc.cash().id());
        return new LobbyReply.Balance(request.requestId(), Money.ofMinor(b[0], CurrencyUnit.of(acc.currency())).toDecimalString(),
                acc.currency(), b[1]);
    }

    /**
     * The frame text; a {@code spinResult} with provably fair inputs gets {@code kid} and its Ed25519
     * {@code signature} (docs/fairness.md §4) here, after the spin's transaction has committed.
     */
    @Override
    public String encode(LobbyReply reply) {
        if (reply instanceof LobbyReply.SpinResult r && r.fairness() != null && r.signature() == null) {
            LobbyReply.SpinResult withKid = new LobbyReply.SpinResult(r.requestId(), r.roundId(), r.gameId(), r.result(), r.bet(),
                    r.payout(), r.balance(), r.currency(), r.balanceVersion(), r.spins(), r.fairness(), signer.kid(), null);
            return codec.encode(withKid.withSignature(signer.sign(codec.spinResultTree(withKid))));
        }
        return codec.encode(reply);
    }

    private static IdempotencyKey key(SpinCommand cmd, String prefix) {
        return new IdempotencyKey(SOURCE, cmd.playerId().toString(), prefix + cmd.requestId());
    }

    private JsonNode readTree(String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
