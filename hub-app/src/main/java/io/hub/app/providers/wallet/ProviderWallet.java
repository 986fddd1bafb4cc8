package io.hub.app.providers.wallet;

import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.app.ledger.AccountRef;
import io.hub.app.ledger.AccountType;
import io.hub.app.ledger.IdempotencyConflictException;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.LedgerResult;
import io.hub.app.ledger.Leg;
import io.hub.app.ledger.Uuids;
import io.hub.app.player.User;
import io.hub.app.player.UserDirectory;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderSession;
import io.hub.app.providers.ProviderSessions;
import io.hub.contracts.RejectedException;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.Applied;
import io.hub.contracts.wallet.Balance;
import io.hub.contracts.wallet.BalanceResult;
import io.hub.contracts.wallet.Bet;
import io.hub.contracts.wallet.PromoCredit;
import io.hub.contracts.wallet.Rejected;
import io.hub.contracts.wallet.Rollback;
import io.hub.contracts.wallet.RoundEnd;
import io.hub.contracts.wallet.SessionCheck;
import io.hub.contracts.wallet.SessionResult;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.WalletResult;
import io.hub.contracts.wallet.Win;
import io.hub.providers.ProviderPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seamless wallet behind every provider protocol: applies canonical {@link WalletCommand}s to the ledger,
 * honouring the provider's {@link ProviderPolicy} (providers.md §5.3) and keeping its bets, rounds and callbacks
 * (tables {@code provider_transaction}, {@code provider_bet}, {@code provider_round}, migration V4).
 *
 * <p>Money: a bet moves the stake from the player's {@code PLAYER_CASH} to the player's shard of
 * {@code PROVIDER_CLEARING}; wins, bet-less credits (promo, jackpot, bonus) and rollbacks move money back. A
 * rollback credits the <em>stored</em> stake, never the amount in the request (§3 scenario 13), as a new ledger
 * transaction. Ledger idempotency keys are {@code (provider:<id>, scope, <kind>:<provider transaction id>)}; scope is
 * {@code ""} for global ids or the player id when the policy scopes ids per player.
 *
 * <p>Settlement (policy {@code settlement}, providers.md §1 row 14, §4 shape C, [E3]): under {@code MIXED} a credit
 * settles the bet it names (or, naming none, its round's open bets); under {@code GAMEWISE} it settles every open bet
 * of the named bet's round and closes the round, the credit's amount paid once in one ledger transaction (0: a loss).
 *
 * <p>Each command runs in one database transaction that first locks the player's cash account row (the lock the
 * ledger and every other money path of the player take), so a player's callbacks from every provider serialise (bets,
 * wins and rollbacks arriving in parallel and out of order see each other's effects; §3 scenarios 4–7) and the answer
 * is computed from committed state only. Round trips of a bet or win: the lock, one lookup (the earlier record, the
 * bet and its round, the player's status, the token's session; for a credit settling by round, game-wise ones
 * included, the states of the round's bets), one statement writing the ledger transaction with the
 * callback's own rows ({@link LedgerCommand.CompanionStatements}), and the commit. A refused command writes
 * nothing (except a tombstone for a rollback of an unknown bet, §3 scenarios 4–5). Unexpected failures propagate
 * (the route answers "internal error, retry" and nothing is cached, §3 scenario 19).
 */
@Component
public class ProviderWallet {
    private static final int MAX_ID = 180;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final AccountDirectory accounts;
    private final UserDirectory users;
    private final ProviderSessions sessions;
    private final ObjectProvider<ProviderBetGate> gates;
    private final ProviderWalletFaults faults;

    public ProviderWallet(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, AccountDirectory accounts,
                          UserDirectory users, ProviderSessions sessions, ObjectProvider<ProviderBetGate> gates, ProviderWalletFaults faults) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.gates = gates;
        this.faults = faults;
    }

    /** A hub player as a provider names them (the player id the hub gave the provider at launch: its UUID). */
    record Player(UUID id, PlayerAccounts accounts, CurrencyUnit currency) {
    }

    /** A refusal inside the transaction: rolls it back, answered with the balance after the rollback. */
    static final class Refusal extends RuntimeException {
        final WalletRejection reason;

        Refusal(WalletRejection reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Applies one verified command for the provider; never throws for a domain refusal.
     *
     * @param maxBalance the largest cash balance (minor units, per currency) the provider's protocol can carry in an
     *                   answer ({@code ProviderAdapter.maxBalanceMinor}; Hub88: int64 at its scale). Every result is
     *                   one its adapter can render: a command whose resulting balance would exceed it is refused
     *                   {@code INVALID_AMOUNT} inside its transaction, before anything commits; a balance-only answer
     *                   for a player already beyond it (credited by another path) is that refusal too; a refusal's
     *                   balance beyond it is left out (providers.md §3 scenario 17)
     */
    public WalletResult apply(ProviderConfig provider, WalletCommand command, ToLongFunction<CurrencyUnit> maxBalance) {
        WalletResult result;
        try {
            if (command instanceof Bet b) result = bet(provider, b, maxBalance);
            else if (command instanceof Win w) result = win(provider, w, maxBalance);
            else if (command instanceof Rollback r) result = rollback(provider, r, maxBalance);
            else if (command instanceof PromoCredit p) result = promo(provider, p, maxBalance);
            else if (command instanceof RoundEnd e) result = roundEnd(provider, e, maxBalance);
            else if (command instanceof Balance b) result = balance(provider, b);
            else result = sessionCheck(provider, (SessionCheck) command, maxBalance);
        } catch (Refusal r) {
            // a refusal before any transaction began (e.g. checkedId: an over-long id): nothing was written; the
            // provider gets its protocol's error for the reason, not the "internal error, retry" answer, with the
            // player's balance when the player is known (Evolution answers always carry one)
            result = new Rejected(r.reason, balanceOf(command.playerId()).orElse(null), r.getMessage());
        }
        return expressible(result, maxBalance);
    }

    /** A result for a command that moved nothing (or whose transaction rolled back) with every balance renderable. */
    private static WalletResult expressible(WalletResult result, ToLongFunction<CurrencyUnit> maxBalance) {
        if (result instanceof Rejected r) {
            return r.balance() != null && beyond(r.balance(), maxBalance) ? new Rejected(r.reason(), null, r.detail()) : r;
        }
        Money balance = result instanceof BalanceResult b ? b.balance() : result instanceof SessionResult s ? s.balance() : null;
        if (balance != null && beyond(balance, maxBalance)) {
            return new Rejected(WalletRejection.INVALID_AMOUNT, null, tooLarge(balance, maxBalance));
        }
        // an Applied result was checked inside its transaction (inTransaction), before it committed
        return result;
    }

    private static boolean beyond(Money balance, ToLongFunction<CurrencyUnit> maxBalance) {
        return balance.amountMinor() > maxBalance.applyAsLong(balance.currency());
    }

    private static String tooLarge(Money balance, ToLongFunction<CurrencyUnit> maxBalance) {
        return "the balance " + balance.toDecimalString() + " exceeds the largest the provider's protocol can express ("
                + Money.ofMinor(maxBalance.applyAsLong(balance.currency()), balance.currency()).toDecimalString() + ")";
    }

    // ---------------------------------------------------------------------------------------------------- bets

    /** The one bet path: every gate (player state, currency, session, {@link ProviderBetGate}s) is here. */
    private WalletResult bet(ProviderConfig p, Bet b, ToLongFunction<CurrencyUnit> maxBalance) {
        Player pl = player(b.playerId());
        if (pl == null) return Rejected.of(WalletRejection.UNKNOWN_PLAYER);
        WalletRejection r = currency(p, pl, b.amount().currency());
        if (r != null) return rejected(r, pl, r.name());
        String scope = scope(p, pl);
        long stake = b.freeBet() ? 0 : b.amount().amountMinor();
        byte[] hash = hash("BET", pl.id(), b.roundId(), b.betRef(), b.amount(), b.freeBet());
        String key = "bet:" + checkedId(b.transactionId());
        return inTransaction(pl, maxBalance, () -> {
            Lookup l = lookup(p, pl, scope, key, b.betRef(), b.roundId(), b.sessionToken(), false);
            checkToken(p, pl, b.sessionToken(), ProviderPolicy.TokenCheck.ENFORCE, false, l);
            Optional<WalletResult> replay = replay(p, pl, l, "BET", hash);
            // a replay of an accepted bet gets its original answer even if a gate closed since (else the provider would
            // treat a bet the wallet holds as failed); new bets pass the player state and every ProviderBetGate
            if (replay.isPresent()) return replay.get();
            if (!"ACTIVE".equals(l.userStatus())) throw new Refusal(WalletRejection.PLAYER_BLOCKED, "player is blocked");
            for (ProviderBetGate gate : gates()) {
                Optional<WalletRejection> g = gate.check(pl.id(), p, b);
                if (g.isPresent()) throw new Refusal(g.get(), "refused by " + gate.getClass().getSimpleName());
            }
            if (l.bet() != null) {
                throw l.bet().state.equals("TOMBSTONE")
                        ? new Refusal(WalletRejection.TRANSACTION_ROLLED_BACK, "the bet was rolled back before it arrived")
                        : new Refusal(WalletRejection.TRANSACTION_EXISTS, "another debit has this bet reference");
            }
            if ("CLOSED".equals(l.roundStatus())) throw new Refusal(WalletRejection.ROUND_CLOSED, "the round is closed");
            // the round (opened, or closed by the flag), the bet and the callback record ride in the ledger's statement
            Writes rows = new Writes()
                    .add("INSERT INTO provider_round (provider_id, player_id, round_id, game_id, currency, status, closed_by, closed_at)"
                            + " SELECT ?, ?, ?, ?, ?, CASE WHEN ? THEN 'CLOSED' ELSE 'OPEN' END, CASE WHEN ? THEN 'FLAG' END,"
                            + " CASE WHEN ? THEN clock_timestamp() END FROM t"
                            + " ON CONFLICT (provider_id, player_id, round_id) DO UPDATE SET status = 'CLOSED', closed_by = 'FLAG', closed_at = clock_timestamp()"
                            + " WHERE ? AND provider_round.status = 'OPEN'",
                            p.id(), pl.id(), b.roundId(), nullable(b.gameId()), pl.currency().code(),
                            b.roundClosed(), b.roundClosed(), b.roundClosed(), b.roundClosed())
                    .add("INSERT INTO provider_bet (provider_id, scope, bet_ref, player_id, round_id, transaction_id, stake_minor, currency, state)"
                            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN' FROM t",
                            p.id(), scope, b.betRef(), pl.id(), b.roundId(), b.transactionId(), stake, pl.currency().code());
            Moved moved = record(p, pl, scope, key, "BET", b.roundId(), b.betRef(), "PROVIDER_BET", true, stake, hash,
                    meta(p, "BET", b.transactionId(), b.roundId(), b.gameId()), rows);
            return new Applied(moved.hubTx(), moved.balance(), null, false);
        });
    }

    // ---------------------------------------------------------------------------------------------------- wins

    private WalletResult win(ProviderConfig p, Win w, ToLongFunction<CurrencyUnit> maxBalance) {
        Player pl = player(w.playerId());
        if (pl == null) return Rejected.of(WalletRejection.UNKNOWN_PLAYER);
        WalletRejection r = currency(p, pl, w.amount().currency());
        if (r == null && w.promoAmount() != null && !w.promoAmount().currency().equals(pl.currency())) r = WalletRejection.CURRENCY_MISMATCH;
        if (r != null) return rejected(r, pl, r.name());
        String scope = scope(p, pl);
        long total = Math.addExact(w.amount().amountMinor(), w.promoAmount() == null ? 0 : w.promoAmount().amountMinor());
        byte[] hash = hash("WIN", pl.id(), w.roundId(), w.betRef(), w.amount(), w.promoAmount(), w.promoRef());
        String key = "win:" + checkedId(w.transactionId());
        // policy settlement (providers.md §1 row 14, §4 shape C, [E3]): MIXED settles the bet the credit names; GAMEWISE
        // settles every open bet of that bet's round and closes the round. A credit naming no bet (Pragmatic) settles
        // its round's open bets under both. Either way the round's bet states come with the one lookup (no extra query)
        boolean gameWise = p.policy().settlement() == ProviderPolicy.Settlement.GAMEWISE;
        boolean byRound = w.betRef() == null || gameWise;
        return inTransaction(pl, maxBalance, () -> {
            Lookup l = lookup(p, pl, scope, key, w.betRef(), w.roundId(), w.sessionToken(), byRound);
            checkToken(p, pl, w.sessionToken(), p.policy().tokenOnWin(), true, l);
            Optional<WalletResult> replay = replay(p, pl, l, "WIN", hash);
            if (replay.isPresent()) return replay.get();
            String roundId;
            // providers.md §3 scenario 7, §4 shape C: a credit for a bet that already has one (a new transaction id;
            // the same id is a replay, answered above) is refused, under policy creditAfterSettle REJECT at once
            // (Evolution: one credit per refId), under WHILE_ROUND_OPEN once the round is closed (Hub88, Pragmatic);
            // under settlement GAMEWISE one credit per round, whatever creditAfterSettle says
            boolean oneCredit = gameWise || p.policy().creditAfterSettle() == ProviderPolicy.CreditAfterSettle.REJECT;
            boolean roundClosed = "CLOSED".equals(l.roundStatus());
            boolean settleRolledBack = false;
            if (w.betRef() != null) {
                BetRow bet = l.bet();
                if (bet == null || !bet.playerId.equals(pl.id())) {
                    throw new Refusal(WalletRejection.TRANSACTION_NOT_FOUND, "no bet " + w.betRef());
                }
                if (bet.state.equals("TOMBSTONE") || (!gameWise && bet.rolledBack() && !p.policy().creditAfterCancel())) {
                    throw new Refusal(WalletRejection.TRANSACTION_ROLLED_BACK, "the bet was rolled back");
                }
                roundId = bet.roundId;
                if (gameWise && w.roundId() != null && !w.roundId().equals(roundId)) {
                    // the round to close would be a guess: the request's or the bet's
                    throw new Refusal(WalletRejection.INVALID_MESSAGE, "the credit names round " + w.roundId() + " but bet "
                            + w.betRef() + " belongs to round " + roundId + " (game-wise settlement closes the bet's round)");
                }
                // a named bet that has its credit already is refused under game-wise settlement too: it cannot be settled
                // again by a round credit even when its round is still open (a provider switched from MIXED mid-round)
                if (bet.state.equals("SETTLED") && (oneCredit || roundClosed)) {
                    throw new Refusal(WalletRejection.ALREADY_SETTLED, gameWise
                            ? "the bet is settled (one credit per round and per bet: policy settlement GAMEWISE)"
                            : oneCredit ? "the bet is settled (one credit per bet: policy creditAfterSettle REJECT)" : "the bet is settled and its round closed");
                }
            } else {
                roundId = w.roundId();
            }
            if (byRound) {
                // the round's bets decide (Pragmatic settles by round; game-wise settlement settles the named bet's round)
                List<String> states = l.roundBetStates();
                if (states.isEmpty()) throw new Refusal(WalletRejection.TRANSACTION_NOT_FOUND, "no bet in round " + roundId);
                boolean live = states.stream().anyMatch(s -> s.equals("OPEN") || s.equals("SETTLED"));
                if (!live && !p.policy().creditAfterCancel()) throw new Refusal(WalletRejection.TRANSACTION_ROLLED_BACK, "the round's bets were rolled back");
                boolean open = states.stream().anyMatch(s -> s.equals("OPEN"));
                boolean settled = states.stream().anyMatch(s -> s.equals("SETTLED"));
                if (!open && (roundClosed || (oneCredit && settled))) {
                    throw new Refusal(WalletRejection.ALREADY_SETTLED, roundClosed ? "the round is settled and closed"
                            : gameWise ? "the round is settled (one credit per round: policy settlement GAMEWISE)"
                            : "the round is settled (one credit per round: policy creditAfterSettle REJECT)");
                }
                // a credit after cancel (policy creditAfterCancel) settles the rolled-back bets, so a second one is seen
                settleRolledBack = !open && p.policy().creditAfterCancel();
            }
            // the bet by its key (primary key lookup), or the round's open bets: two statement texts rather than one
            // "(byRef AND …) OR (NOT byRef AND …)" filter, which a generic prepared plan cannot turn into an index lookup.
            // A rolled-back bet credited under creditAfterCancel becomes SETTLED too (its rollback_tx_id stays: it still
            // counts as rolled back for rollbacks), so policy creditAfterSettle sees its credit.
            // Settle the bet (or the round's open bets), close the round on the flag or under game-wise settlement, record
            // the callback: all in the ledger's statement, the credit's amount paid once however many bets it settles
            Writes rows = new Writes()
                    .add("UPDATE provider_bet SET state = 'SETTLED', updated_at = clock_timestamp() WHERE EXISTS (SELECT 1 FROM t) AND provider_id = ?"
                                    + (byRound ? " AND (state = 'OPEN' OR (? AND state = 'ROLLED_BACK')) AND player_id = ? AND round_id = ?"
                                    : " AND state IN ('OPEN', 'ROLLED_BACK') AND scope = ? AND bet_ref = ?"),
                            byRound ? new Object[] {p.id(), settleRolledBack, pl.id(), nullable(roundId)} : new Object[] {p.id(), scope, w.betRef()})
                    .add(CLOSE_ROUND_ON_FLAG, (w.roundClosed() || gameWise) && roundId != null, p.id(), pl.id(), nullable(roundId));
            Moved moved = record(p, pl, scope, key, "WIN", roundId, w.betRef(), "PROVIDER_WIN", false, total, hash,
                    meta(p, "WIN", w.transactionId(), roundId, w.gameId()), rows);
            return new Applied(moved.hubTx(), moved.balance(), null, false);
        });
    }

    // ----------------------------------------------------------------------------------------------- rollbacks

    private WalletResult rollback(ProviderConfig p, Rollback rb, ToLongFunction<CurrencyUnit> maxBalance) {
        Player pl = player(rb.playerId());
        if (pl == null) return Rejected.of(WalletRejection.UNKNOWN_PLAYER);
        String scope = scope(p, pl);
        // the request's amount is not part of the fingerprint: it is informational (a refund credits the stored stake)
        byte[] hash = hash("ROLLBACK", pl.id(), rb.betRef());
        String key = "rollback:" + checkedId(rb.transactionId() != null ? rb.transactionId() : rb.betRef());
        return inTransaction(pl, maxBalance, () -> {
            Lookup l = lookup(p, pl, scope, key, rb.betRef(), null, rb.sessionToken(), false);
            checkToken(p, pl, rb.sessionToken(), p.policy().tokenOnRollback(), true, l);
            Optional<WalletResult> replay = replay(p, pl, l, "ROLLBACK", hash);
            if (replay.isPresent()) return replay.get();
            BetRow bet = l.bet();
            if (bet == null) {
                // §3 scenarios 4-5: remember the rollback so the late bet is refused; answer per policy
                String tombstoneId = Uuids.v7().toString();
                jdbc.update("INSERT INTO provider_bet (provider_id, scope, bet_ref, player_id, round_id, stake_minor, currency, state, rollback_tx_id)"
                        + " VALUES (?, ?, ?, ?, ?, 0, ?, 'TOMBSTONE', ?)", p.id(), scope, rb.betRef(), pl.id(), rb.roundId(),
                        pl.currency().code(), tombstoneId);
                return unknownRollback(p, pl, tombstoneId);
            }
            if (!bet.playerId.equals(pl.id())) throw new Refusal(WalletRejection.TRANSACTION_NOT_FOUND, "no bet " + rb.betRef());
            if (bet.state.equals("TOMBSTONE")) return unknownRollback(p, pl, bet.rollbackTxId);
            if (bet.rolledBack()) throw new Refusal(WalletRejection.TRANSACTION_ROLLED_BACK, "already rolled back");
            if (bet.state.equals("SETTLED") && p.policy().cancelAfterSettle() == ProviderPolicy.CancelAfterSettle.REJECT) {
                throw new Refusal(WalletRejection.ALREADY_SETTLED, "the bet has a win");
            }
            long credit = bet.stakeMinor;
            Money claimed = rb.claimedAmount();
            if (p.policy().partialRollbacks() && claimed != null && claimed.currency().equals(pl.currency())
                    && claimed.amountMinor() > 0 && claimed.amountMinor() < credit) {
                credit = claimed.amountMinor();
            }
            Writes rows = new Writes()
                    .add("UPDATE provider_bet SET state = 'ROLLED_BACK', rollback_tx_id = ?, updated_at = clock_timestamp()"
                            + " WHERE EXISTS (SELECT 1 FROM t) AND provider_id = ? AND scope = ? AND bet_ref = ?", key, p.id(), scope, rb.betRef())
                    .add(CLOSE_ROUND_ON_FLAG, rb.roundClosed() && bet.roundId != null, p.id(), pl.id(), nullable(bet.roundId));
            Moved moved = record(p, pl, scope, key, "ROLLBACK", bet.roundId, rb.betRef(), "PROVIDER_ROLLBACK", false, credit, hash,
                    meta(p, "ROLLBACK", rb.transactionId(), bet.roundId, rb.gameId()), rows);
            return new Applied(moved.hubTx(), moved.balance(), null, false);
        });
    }

    private WalletResult unknownRollback(ProviderConfig p, Player pl, String tombstoneId) {
        Money balance = lockedCash(pl);
        return p.policy().unknownRollback() == ProviderPolicy.UnknownRollback.NOT_FOUND
                ? new Rejected(WalletRejection.TRANSACTION_NOT_FOUND, balance, "rollback of an unknown bet (tombstone kept)")
                : new Applied(tombstoneId, balance, null, false);
    }

    // ------------------------------------------------------------------------------------------ bet-less credits

    private WalletResult promo(ProviderConfig p, PromoCredit c, ToLongFunction<CurrencyUnit> maxBalance) {
        Player pl = player(c.playerId());
        if (pl == null) return Rejected.of(WalletRejection.UNKNOWN_PLAYER);
        WalletRejection r = currency(p, pl, c.amount().currency());
        if (r != null) return rejected(r, pl, r.name());
        // no session needed (§3 scenario 20: async credits long after the session ended)
        String scope = scope(p, pl);
        byte[] hash = hash("PROMO", pl.id(), c.kind(), c.amount(), c.campaignRef(), c.roundId());
        String key = "promo:" + checkedId(c.transactionId());
        return inTransaction(pl, maxBalance, () -> {
            Optional<WalletResult> replay = replay(p, pl, lookup(p, pl, scope, key, null, null, null, false), "PROMO", hash);
            if (replay.isPresent()) return replay.get();
            Moved moved = record(p, pl, scope, key, "PROMO", c.roundId(), null, "PROVIDER_" + c.kind().name(), false, c.amount().amountMinor(),
                    hash, meta(p, c.kind().name(), c.transactionId(), c.roundId(), c.gameId()), new Writes());
            return new Applied(moved.hubTx(), moved.balance(), null, false);
        });
    }

    // ---------------------------------------------------------------------------------- rounds, balance, session

    private WalletResult roundEnd(ProviderConfig p, RoundEnd e, ToLongFunction<CurrencyUnit> maxBalance) {
        // (the player's status is read inside bet transactions only: wins, rollbacks and credits pay a blocked player)
        Player pl = player(e.playerId());
        if (pl == null) return Rejected.of(WalletRejection.UNKNOWN_PLAYER);
        return inTransaction(pl, maxBalance, () -> {
            closeRound(p, pl, e.roundId(), "ROUND_END"); // repeatable; an unknown round is a no-op (providers.md §1 row 14)
            return new BalanceResult(lockedCash(pl), null);
        });
    }

    private WalletResult balance(ProviderConfig p, Balance b) {
        Player pl = player(b.playerId());
        if (pl == null) return Rejected.of(WalletRejection.UNKNOWN_PLAYER);
        WalletRejection r = b.currency() == null ? null : currency(p, pl, b.currency());
        if (r == null && b.sessionToken() != null) {
            r = token(p, pl, b.sessionToken(), p.policy().tokenOnWin(), false, sessions.resolve(p.id(), b.sessionToken()));
        }
        if (r != null) return rejected(r, pl, r.name());
        return new BalanceResult(cash(pl), null);
    }

    private WalletResult sessionCheck(ProviderConfig p, SessionCheck c, ToLongFunction<CurrencyUnit> maxBalance) {
        Optional<ProviderSession> s = sessions.resolve(p.id(), c.sessionToken());
        if (s.isEmpty()) return Rejected.of(WalletRejection.INVALID_TOKEN);
        ProviderSession session = s.get();
        if (c.playerId() != null && !c.playerId().equals(session.playerId().toString())) return Rejected.of(WalletRejection.INVALID_TOKEN);
        Player pl = player(session.playerId().toString());
        if (pl == null) return Rejected.of(WalletRejection.UNKNOWN_PLAYER);
        if (session.superseded()) return rejected(WalletRejection.INVALID_TOKEN, pl, "the session was replaced");
        if (!session.current(Instant.now())) return rejected(WalletRejection.TOKEN_EXPIRED, pl, "the session expired");
        if (session.mode() == ProviderSession.Mode.DEMO) return rejected(WalletRejection.INVALID_TOKEN, pl, "demo sessions use no wallet");
        if (!"ACTIVE".equals(users.status(pl.id()))) return rejected(WalletRejection.PLAYER_BLOCKED, pl, "player is blocked");
        String token = c.sessionToken();
        Money cash = cash(pl);
        // a wallet the protocol cannot express is refused before the sid is rotated (the provider would never learn the new one)
        if (beyond(cash, maxBalance)) return new Rejected(WalletRejection.INVALID_AMOUNT, null, tooLarge(cash, maxBalance));
        if (c.rotate()) {
            try {
                token = sessions.rotate(session).token();
            } catch (ProviderSessions.SessionNotCurrentException e) {
                return rejected(WalletRejection.INVALID_TOKEN, pl, "the session was replaced");
            }
        }
        return new SessionResult(pl.id().toString(), token, cash, null);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private volatile List<ProviderBetGate> gateList;

    /** The bet gates in order, resolved once (the beans are fixed once the context is up), not on every bet. */
    private List<ProviderBetGate> gates() {
        List<ProviderBetGate> g = gateList;
        if (g == null) gateList = g = gates.orderedStream().toList();
        return g;
    }

    private WalletResult inTransaction(Player pl, ToLongFunction<CurrencyUnit> maxBalance, Supplier<WalletResult> work) {
        long max = maxBalance.applyAsLong(pl.currency());
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.execute(status -> {
                    // the player's cash row, locked first (the lock every money path of the player takes, in the ledger's
                    // order): a player's callbacks from every provider, spins and payments serialise on it, and the
                    // ledger reuses the lock and the balance it read for this transaction's write
                    lockedCash(pl);
                    faults.check(pl.id());
                    WalletResult result = work.get();
                    // before anything commits: a balance the provider's protocol cannot carry would make the answer
                    // fail to render after the money moved (a committed write answered "unknown error", retried for
                    // ever); refuse it instead, rolling back the ledger transaction, its outbox row and our records
                    Money balance = result instanceof Applied a ? a.balance() : result instanceof BalanceResult b ? b.balance() : null;
                    if (balance != null && balance.amountMinor() > max) {
                        throw new Refusal(WalletRejection.INVALID_AMOUNT, tooLarge(balance, maxBalance));
                    }
                    return result;
                });
            } catch (Refusal r) {
                // the balance after the rollback: read again (the transaction that held the lock is gone)
                return new Rejected(r.reason, cash(pl), r.getMessage());
            } catch (IdempotencyConflictException e) {
                return new Rejected(WalletRejection.IDEMPOTENCY_CONFLICT, cash(pl), "same transaction id, different request");
            } catch (RejectedException e) {
                return new Rejected(WalletRejection.of(e.code()), cash(pl), e.getMessage());
            } catch (DuplicateKeyException e) {
                // another player's callback took the same global id or bet reference at the same moment: look again
                if (attempt >= 1) return new Rejected(WalletRejection.IDEMPOTENCY_CONFLICT, cash(pl), "same transaction id, different request");
            }
        }
    }

    /** What a command moved: its ledger transaction (null when no money moved), the cash after it, the hub's id for it. */
    private record Moved(UUID ledgerTx, Money balance, String hubTx) {
    }

    /**
     * A command's own rows (bet, round, callback record) as data-modifying statements over {@code t}: the ledger
     * transaction's row when money moves ({@link LedgerCommand.CompanionStatements}, same statement, no round trip of
     * their own), else a row of one NULL id (a free bet, a zero win: no ledger transaction).
     */
    private static final class Writes {
        final List<String> sql = new ArrayList<>();
        final List<Object> args = new ArrayList<>();

        Writes add(String statement, Object... values) {
            sql.add(statement);
            args.addAll(Arrays.asList(values));
            return this;
        }
    }

    /** Closes a round on the command's flag (first argument; then provider, player, round). */
    private static final String CLOSE_ROUND_ON_FLAG = "UPDATE provider_round SET status = 'CLOSED', closed_by = 'FLAG', closed_at = clock_timestamp()"
            + " WHERE ? AND EXISTS (SELECT 1 FROM t) AND provider_id = ? AND player_id = ? AND round_id = ? AND status = 'OPEN'";

    /**
     * Moves {@code minor} between the player's cash and their shard of {@code PROVIDER_CLEARING} (a debit for a bet) as
     * one ledger transaction carrying {@code rows} and the callback record ({@code provider_transaction}) in its one
     * statement; with nothing to move, writes {@code rows} and the record alone (no ledger transaction, a fresh hub id).
     * The player's cash is locked already ({@link #inTransaction}).
     */
    private Moved record(ProviderConfig p, Player pl, String scope, String key, String kind, String roundId, String betRef,
                         String reason, boolean debit, long minor, byte[] hash, Map<String, Object> meta, Writes rows) {
        long before = lockedCash(pl).amountMinor();
        long after = minor == 0 ? before : debit ? before - minor : Math.addExact(before, minor);
        String fallbackHubTx = Uuids.v7().toString();
        rows.add("INSERT INTO provider_transaction (provider_id, scope, transaction_id, kind, player_id, round_id, bet_ref, amount_minor,"
                        + " currency, request_hash, hub_tx_id, ledger_tx, balance_minor) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(t.id::text, ?), t.id, ? FROM t",
                p.id(), scope, key, kind, pl.id(), nullable(roundId), nullable(betRef), minor, pl.currency().code(), hash, fallbackHubTx, after);
        if (minor == 0) {
            StringBuilder sql = new StringBuilder("WITH t AS (SELECT CAST(NULL AS uuid) AS id)");
            for (int i = 0; i < rows.sql.size(); i++) sql.append(", c").append(i).append(" AS (").append(rows.sql.get(i)).append(')');
            jdbc.queryForObject(sql.append(" SELECT 1").toString(), Integer.class, rows.args.toArray());
            return new Moved(null, Money.ofMinor(before, pl.currency()), fallbackHubTx);
        }
        AccountRef clearing = accounts.systemAccount(AccountType.PROVIDER_CLEARING, pl.currency().code(), pl.accounts().cash().id());
        Leg[] legs = debit ? Leg.transfer(pl.accounts().cash(), clearing, minor) : Leg.transfer(clearing, pl.accounts().cash(), minor);
        long cashId = pl.accounts().cash().id();
        LedgerCommand cmd = new LedgerCommand(new IdempotencyKey("provider:" + p.id(), scope, key), reason, pl.currency(), pl.id(),
                List.of(legs), reason + "|" + java.util.HexFormat.of().formatHex(hash) + "|" + minor, null, null, meta,
                applied -> Map.of("balanceMinor", applied.balances().get(cashId).balanceMinor()),
                new LedgerCommand.CompanionStatements(rows.sql, rows.args));
        LedgerResult result = ledger.apply(cmd);
        if (result instanceof LedgerResult.Applied a) {
            long balance = a.balances().get(cashId).balanceMinor();
            // the callback record stored the balance computed from the lock; the ledger computed it from the same lock
            if (balance != after) throw new IllegalStateException("ledger balance " + balance + " differs from the locked one " + after);
            return new Moved(a.transactionId(), Money.ofMinor(balance, pl.currency()), a.transactionId().toString());
        }
        // the ledger had the key without our provider_transaction row: cannot happen (same database transaction)
        throw new IllegalStateException("ledger key " + key + " exists without its provider transaction");
    }

    /** A null bound as text (so PostgreSQL need not guess its type). */
    private static Object nullable(String s) {
        return s == null ? new SqlParameterValue(Types.VARCHAR, null) : s;
    }

    /**
     * What one callback needs to know, read in one statement after the player lock: its earlier record, the bet it names
     * and that bet's round, the player's status, the session its token names (empty when none or unknown) and, when
     * {@code roundBets}, the states of the player's bets in the round: the named bet's round if the bet is known (a
     * game-wise credit, policy {@code settlement} GAMEWISE), else {@code roundId} (a credit that names no bet:
     * Pragmatic settles by round).
     */
    private record Lookup(Map<String, Object> tx, BetRow bet, String roundStatus, String userStatus, Optional<ProviderSession> session,
                          List<String> roundBetStates) {
    }

    private Lookup lookup(ProviderConfig p, Player pl, String scope, String key, String betRef, String roundId, String token,
                          boolean roundBets) {
        byte[] tokenHash = ProviderSessions.tokenHash(token);
        List<Object> args = new ArrayList<>();
        if (roundBets) args.addAll(Arrays.asList(p.id(), pl.id(), nullable(roundId)));
        args.addAll(Arrays.asList(p.id(), scope, key, p.id(), scope, nullable(betRef), p.id(), pl.id(), nullable(roundId), pl.id(),
                tokenHash == null ? new SqlParameterValue(Types.BINARY, null) : tokenHash, p.id()));
        return jdbc.queryForObject("SELECT t.kind, t.player_id, t.request_hash, t.hub_tx_id, t.balance_minor,"
                        + " b.player_id, b.round_id, b.stake_minor, b.state, b.rollback_tx_id, r.status, u.status,"
                        + " s.id, s.player_id, s.game_id, s.currency, s.mode, s.created_at, s.expires_at, s.superseded_by IS NOT NULL, "
                        + (roundBets ? "(SELECT array_agg(state) FROM provider_bet WHERE provider_id = ? AND player_id = ? AND round_id = coalesce(b.round_id, ?))" : "NULL")
                        + " FROM (SELECT 1) x"
                        + " LEFT JOIN provider_transaction t ON t.provider_id = ? AND t.scope = ? AND t.transaction_id = ?"
                        + " LEFT JOIN provider_bet b ON b.provider_id = ? AND b.scope = ? AND b.bet_ref = ?"
                        + " LEFT JOIN provider_round r ON r.provider_id = ? AND r.player_id = ? AND r.round_id = coalesce(b.round_id, ?)"
                        + " LEFT JOIN app_user u ON u.id = ?"
                        + " LEFT JOIN provider_session s ON s.token_hash = ? AND s.provider_id = ?",
                (rs, i) -> {
                    Map<String, Object> tx = null;
                    if (rs.getString(1) != null) {
                        tx = new HashMap<>();
                        tx.put("kind", rs.getString(1));
                        tx.put("player_id", rs.getObject(2, UUID.class));
                        tx.put("request_hash", rs.getBytes(3));
                        tx.put("hub_tx_id", rs.getString(4));
                        tx.put("balance_minor", rs.getLong(5));
                    }
                    BetRow bet = rs.getString(9) == null ? null
                            : new BetRow(rs.getObject(6, UUID.class), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10));
                    Optional<ProviderSession> session = rs.getObject(13) == null ? Optional.empty()
                            : Optional.of(new ProviderSession(rs.getObject(13, UUID.class), p.id(), rs.getObject(14, UUID.class),
                            rs.getString(15), rs.getString(16), ProviderSession.Mode.valueOf(rs.getString(17)),
                            rs.getTimestamp(18).toInstant(), rs.getTimestamp(19).toInstant(), rs.getBoolean(20)));
                    java.sql.Array states = rs.getArray(21);
                    List<String> roundBetStates = states == null ? List.of() : Arrays.asList((String[]) states.getArray());
                    return new Lookup(tx, bet, rs.getString(11), rs.getString(12), session, roundBetStates);
                },
                args.toArray());
    }

    /** The answer to a repeat of an applied callback (§1 row 9, §3 scenarios 1-2, 18), or empty for a new one. */
    private Optional<WalletResult> replay(ProviderConfig p, Player pl, Lookup l, String kind, byte[] hash) {
        Map<String, Object> row = l.tx();
        if (row == null) return Optional.empty();
        if (!kind.equals(row.get("kind")) || !pl.id().equals(row.get("player_id"))
                || !MessageDigest.isEqual(hash, (byte[]) row.get("request_hash"))) {
            throw new Refusal(WalletRejection.IDEMPOTENCY_CONFLICT, "same transaction id, different request");
        }
        String hubTx = (String) row.get("hub_tx_id");
        switch (p.policy().replay()) {
            case ORIGINAL_RESPONSE:
                return Optional.of(new Applied(hubTx, Money.ofMinor(((Number) row.get("balance_minor")).longValue(), pl.currency()), null, true));
            case CURRENT_BALANCE:
                return Optional.of(new Applied(hubTx, lockedCash(pl), null, true));
            default:
                return Optional.of(new Rejected(WalletRejection.TRANSACTION_EXISTS, lockedCash(pl), "already processed"));
        }
    }

    private record BetRow(UUID playerId, String roundId, long stakeMinor, String state, String rollbackTxId) {
        /** Rolled back, including a rolled-back bet a credit after cancel settled (its rollback id stays). */
        boolean rolledBack() {
            return state.equals("ROLLED_BACK") || (state.equals("SETTLED") && rollbackTxId != null);
        }
    }

    private void closeRound(ProviderConfig p, Player pl, String roundId, String by) {
        jdbc.update("UPDATE provider_round SET status = 'CLOSED', closed_by = ?, closed_at = clock_timestamp()"
                + " WHERE provider_id = ? AND player_id = ? AND round_id = ? AND status = 'OPEN'", by, p.id(), pl.id(), roundId);
    }

    /** {@link #token} on the session the transaction's lookup read; a refusal rolls the transaction back. */
    private static void checkToken(ProviderConfig p, Player pl, String token, ProviderPolicy.TokenCheck check, boolean credit, Lookup l) {
        WalletRejection r = token(p, pl, token, check, credit, l.session());
        if (r != null) throw new Refusal(r, r.name());
    }

    /**
     * Session rules (§1 row 11, §3 scenario 10): bets need a current REAL session when a token is sent.
     *
     * @param s the session {@code token} names for this provider (empty when unknown); not read when the token is null
     */
    private static WalletRejection token(ProviderConfig p, Player pl, String token, ProviderPolicy.TokenCheck check, boolean credit,
                                         Optional<ProviderSession> s) {
        if (token == null) return check == ProviderPolicy.TokenCheck.ENFORCE && credit ? WalletRejection.INVALID_TOKEN : null;
        if (s.isPresent() && s.get().mode() == ProviderSession.Mode.DEMO) return WalletRejection.INVALID_TOKEN; // never real money
        if (check == ProviderPolicy.TokenCheck.SKIP) return null;
        if (s.isEmpty() || !s.get().playerId().equals(pl.id())) return WalletRejection.INVALID_TOKEN;
        if (!s.get().currency().trim().equals(pl.currency().code())) return WalletRejection.CURRENCY_MISMATCH;
        if (check == ProviderPolicy.TokenCheck.IGNORE_EXPIRY) return null;
        if (s.get().superseded()) return WalletRejection.TOKEN_EXPIRED;
        if (!s.get().current(Instant.now())) return WalletRejection.TOKEN_EXPIRED;
        return null;
    }

    private static WalletRejection currency(ProviderConfig p, Player pl, CurrencyUnit c) {
        if (!c.equals(pl.currency())) return WalletRejection.CURRENCY_MISMATCH;
        if (!p.currencies().isEmpty() && !p.currencies().contains(c.code())) return WalletRejection.CURRENCY_MISMATCH;
        return null;
    }

    private static String scope(ProviderConfig p, Player pl) {
        return p.policy().txIdScope() == ProviderPolicy.TxIdScope.PER_PLAYER ? pl.id().toString() : "";
    }

    private static String checkedId(String id) {
        if (id.length() > MAX_ID) throw new Refusal(WalletRejection.INVALID_MESSAGE, "transaction id longer than " + MAX_ID);
        return id;
    }

    /** The player a provider names, or null when unknown (not a hub player id, or no wallet). */
    Player player(String providerPlayerId) {
        UUID id;
        try {
            id = UUID.fromString(providerPlayerId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        Optional<User> user = users.byId(id);
        if (user.isEmpty() || user.get().role() != User.Role.PLAYER) return null;
        Optional<PlayerAccounts> acc = accounts.player(id);
        if (acc.isEmpty()) return null;
        return new Player(id, acc.get(), CurrencyUnit.of(acc.get().currency()));
    }

    /** The player's wallet currency (for protocols whose amounts carry none: Pragmatic). */
    Optional<CurrencyUnit> currencyOf(String providerPlayerId) {
        UUID id;
        try {
            id = UUID.fromString(providerPlayerId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return accounts.player(id).map(a -> CurrencyUnit.of(a.currency()));
    }

    /** The cash balance of the player a provider names, or empty when unknown. */
    Optional<Money> balanceOf(String providerPlayerId) {
        Player pl = player(providerPlayerId);
        return pl == null ? Optional.empty() : Optional.of(cash(pl));
    }

    Money cash(Player pl) {
        return Money.ofMinor(accounts.balance(pl.accounts().cash().id())[0], pl.currency());
    }

    /**
     * The player's cash inside a wallet transaction: locks the row on the first call ({@link Ledger#lockBalances}), then
     * answers from what this transaction last read or wrote, with no query.
     */
    private Money lockedCash(Player pl) {
        AccountRef cash = pl.accounts().cash();
        return Money.ofMinor(ledger.lockBalances(List.of(cash)).get(cash.id()), pl.currency());
    }

    private WalletResult rejected(WalletRejection r, Player pl, String detail) {
        return new Rejected(r, cash(pl), detail);
    }

    private static Map<String, Object> meta(ProviderConfig p, String kind, String txId, String roundId, String gameId) {
        Map<String, Object> m = new HashMap<>();
        m.put("provider", p.id());
        m.put("kind", kind);
        if (txId != null) m.put("providerTransactionId", txId);
        if (roundId != null) m.put("roundId", roundId);
        if (gameId != null) m.put("gameId", gameId);
        return m;
    }

    private static byte[] hash(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object o : parts) sb.append(o == null ? "\u2400" : o.toString()).append('\u241F');
        try {
            return MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
