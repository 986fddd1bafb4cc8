package io.hub.providers;

import java.util.Objects;

/**
 * How one provider wants the wallet to behave where real protocols disagree (providers.md §5.3, §1 rows 9–11,
 * §3 scenarios 1, 4, 7, 10, 13). Configuration, not code: the adapter's settings carry one, the hub's ledger reads it.
 * Defaults per protocol: {@link #hub88Defaults()}, {@link #pragmaticDefaults()}, {@link #evolutionDefaults()}.
 *
 * @param unknownRollback      answer to a rollback/refund/cancel of a bet the wallet never saw. Either way the
 *                             wallet writes a tombstone so a late bet with that id is refused (§3 scenario 5)
 * @param replay               what a repeat of an applied transaction id returns
 * @param txIdScope            whether provider transaction ids are unique globally or only per player
 * @param tokenOnWin           session check applied to wins (and bet-less credits are never token-checked, §3.20)
 * @param tokenOnRollback      session check applied to rollbacks
 * @param partialRollbacks     whether a rollback may undo less than the stake; false = always the stored stake (§3.13)
 * @param cancelAfterSettle    answer to a rollback of a bet that already has a win
 * @param creditAfterCancel    whether a win for a rolled-back bet is accepted (Evolution "depositAfterCancel")
 * @param gameCheck            which game codes a <em>bet</em> may name, checked against the provider's synced catalogue
 *                             (wins, rollbacks, round ends and bet-less credits are never checked: money owed to a
 *                             player is not blocked by a catalogue change). Absent in a stored policy (rows written
 *                             before this field existed, e.g. the SQL onboarding of {@code bench/run-provider-bench.sh})
 *                             it reads as {@link GameCheck#LISTED_OR_UNKNOWN_ALLOWED}; every protocol default is
 *                             {@link GameCheck#STRICT}
 * @param creditAfterSettle    whether a further credit (a new transaction id) for a bet that already has one is paid
 *                             (§3 scenario 7, §4 shape C "credits and cancels are matched by refId"). Absent in a
 *                             stored policy it reads as the protocol's default (the hub's provider registry fills it in;
 *                             a policy read without a protocol gets {@link CreditAfterSettle#REJECT}, the one that can
 *                             never pay twice)
 * @param settlement           what one credit settles: its own bet ({@link Settlement#MIXED}, every protocol's default)
 *                             or every open bet of its round, closing the round ({@link Settlement#GAMEWISE}, [E3]
 *                             "Gamewise" settlement; §1 row 14). Absent in a stored policy it reads as
 *                             {@link Settlement#MIXED} (the only behaviour before this field existed)
 */
public record ProviderPolicy(UnknownRollback unknownRollback, Replay replay, TxIdScope txIdScope,
                             TokenCheck tokenOnWin, TokenCheck tokenOnRollback, boolean partialRollbacks,
                             CancelAfterSettle cancelAfterSettle, boolean creditAfterCancel, GameCheck gameCheck,
                             CreditAfterSettle creditAfterSettle, Settlement settlement) {

    /** Answer to a rollback of an unknown transaction (§3 scenario 4). */
    public enum UnknownRollback {
        /** Record a tombstone and answer success with the balance (Pragmatic, Caleta/Hub88, Slotegrator). */
        ACK_WITH_BALANCE,
        /** Record a tombstone and answer "transaction not found" (Evolution, Tom Horn, Red Tiger). */
        NOT_FOUND
    }

    /** What a replay of an applied transaction id returns (§1 row 9, §3 scenario 1). */
    public enum Replay {
        /** The stored original response, byte-for-byte in balance (Hub88, MG+). */
        ORIGINAL_RESPONSE,
        /** Success with the current balance (Pragmatic). */
        CURRENT_BALANCE,
        /** The protocol's duplicate status ({@code WalletRejection.TRANSACTION_EXISTS}). */
        DUPLICATE_STATUS
    }

    /** Scope of provider transaction ids for deduplication (§5.1). */
    public enum TxIdScope { GLOBAL, PER_PLAYER }

    /** Session token check on wins/rollbacks (§1 row 11, §3 scenario 10). */
    public enum TokenCheck {
        /** Do not check the token at all (Hub88 status note: wins and rollbacks on any token). */
        SKIP,
        /** The token must belong to the player, expiry is ignored (Caleta, Red Tiger recon tokens). */
        IGNORE_EXPIRY,
        /** The token must be current (Evolution: an old sid fails with INVALID_SID). */
        ENFORCE
    }

    /** Rollback of a bet that already has a win (§3 scenario 7). */
    public enum CancelAfterSettle {
        /** Refuse with {@code WalletRejection.ALREADY_SETTLED}. */
        REJECT,
        /** Undo the bet anyway. */
        ALLOW
    }

    /**
     * A credit (win) with a new transaction id for a bet that is already settled by an earlier credit (§3 scenario 7,
     * §4 shape C). Where providers disagree: Evolution matches credits to bets by {@code refId}, one credit settles its
     * bet and a second one is {@code BET_ALREADY_SETTLED} ([E1] {@code Test_debitCreditBetAlreadySettled}); Hub88 wins
     * reference their bet and a round may carry several wins until {@code round_closed} ([C1]); Pragmatic settles by
     * round and may send several {@code result}s for a round until {@code endRound} ([P1]). A refused credit is
     * answered {@code WalletRejection.ALREADY_SETTLED} with the balance and writes nothing.
     */
    public enum CreditAfterSettle {
        /** One credit per bet: a further credit for a settled bet is refused, whatever the round's state (Evolution). */
        REJECT,
        /**
         * Further credits for a settled bet (Pragmatic: for a round whose bets are all settled) are paid while the round
         * is open, refused once it is closed (flag, round-end call or the stale-round sweeper) (Hub88, Pragmatic).
         */
        WHILE_ROUND_OPEN
    }

    /**
     * Which game codes a bet may name (providers.md §1 row 1: the unified catalogue; §4: Hub88 {@code game_code}, PP
     * {@code gameId}, Evolution {@code game.details.table.id} or {@code game.type}). A refused bet is answered as
     * {@code WalletRejection.UNKNOWN_GAME} in the provider's protocol (Hub88 {@code RS_ERROR_INVALID_GAME}, a "known"
     * bet error: the bet is discarded, no rollback follows [C1]; PP error 8 "game not found or disabled" [P1];
     * Evolution has no game status in §4, so {@code INVALID_PARAMETER}, the closest) and writes nothing.
     */
    public enum GameCheck {
        /** The game must be in the provider's synced catalogue, enabled by the operator and not delisted. */
        STRICT,
        /**
         * A game the catalogue holds must be enabled and not delisted; a code the catalogue has never held passes (a
         * provider onboarded before its first catalogue sync, or one without a game-list API).
         */
        LISTED_OR_UNKNOWN_ALLOWED,
        /** No catalogue check at all. */
        OFF
    }

    /**
     * What one credit (win) settles (providers.md §1 row 14 "Round lifecycle", §4 shape C: "In 'game-wise' settlement
     * one credit may settle the whole round. A credit of 0 settles as a loss."; [E3] "Mixed" vs "Gamewise"
     * settlement). Cancels (rollbacks) are per bet under both: a cancel undoes the one bet its {@code refId} names.
     */
    public enum Settlement {
        /**
         * A credit settles the one bet it names (Evolution {@code transaction.refId}, Hub88
         * {@code reference_transaction_uuid}), or, where the protocol names no bet (Pragmatic {@code result}), the
         * round's open bets; the round stays open until a flag, a round-end call or the sweeper closes it. Every
         * protocol's default, and the hub's behaviour before this policy existed.
         */
        MIXED,
        /**
         * A credit is the round's final settlement: in one ledger transaction it pays its amount once (not per bet;
         * integer minor units, 0 = the round is lost), marks <em>every</em> open bet of the round {@code SETTLED} and
         * closes the round ({@code closed_by = FLAG}), so no debit is taken on it afterwards ({@code ROUND_CLOSED}).
         * The round is the one of the bet the credit names, which may be any bet of the player's round (its first,
         * its last, any other; a cancelled one too while others are open); a credit naming no bet (Pragmatic
         * {@code result}) settles the round it names. One credit per round, whatever {@code creditAfterSettle} says
         * (that policy decides further credits per bet under MIXED). Refused, writing nothing and answered with the
         * balance:
         * <ul>
         *   <li>a bet reference the wallet does not hold for the player → {@code TRANSACTION_NOT_FOUND} (Evolution
         *       {@code BET_DOES_NOT_EXIST}), as under MIXED;</li>
         *   <li>a request round ({@code game.id}) other than the named bet's round → {@code INVALID_MESSAGE}
         *       (Evolution {@code INVALID_PARAMETER}): which round to close is ambiguous, and money is never
         *       guessed;</li>
         *   <li>a round with no open bet left and a settled one (an earlier credit settled it) →
         *       {@code ALREADY_SETTLED} (Evolution {@code BET_ALREADY_SETTLED});</li>
         *   <li>a round whose bets were all cancelled, or a named bet that is a rollback tombstone →
         *       {@code TRANSACTION_ROLLED_BACK} (Evolution {@code BET_ALREADY_SETTLED}); with {@code creditAfterCancel}
         *       the credit settles the cancelled bets instead (paid once).</li>
         * </ul>
         * A repeat of the same credit (same transaction id and content) is a replay: the original answer per
         * {@link Replay}, nothing moves again. Cancels stay per bet: a cancel of a bet the credit settled is refused
         * per {@code cancelAfterSettle}.
         */
        GAMEWISE
    }

    public ProviderPolicy {
        if (gameCheck == null) gameCheck = GameCheck.LISTED_OR_UNKNOWN_ALLOWED;
        if (creditAfterSettle == null) creditAfterSettle = CreditAfterSettle.REJECT;
        if (settlement == null) settlement = Settlement.MIXED;
        Objects.requireNonNull(unknownRollback, "unknownRollback");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(txIdScope, "txIdScope");
        Objects.requireNonNull(tokenOnWin, "tokenOnWin");
        Objects.requireNonNull(tokenOnRollback, "tokenOnRollback");
        Objects.requireNonNull(cancelAfterSettle, "cancelAfterSettle");
    }

    /** This policy with {@code settlement} replaced (the other fields unchanged). */
    public ProviderPolicy withSettlement(Settlement settlement) {
        return new ProviderPolicy(unknownRollback, replay, txIdScope, tokenOnWin, tokenOnRollback, partialRollbacks,
                cancelAfterSettle, creditAfterCancel, gameCheck, creditAfterSettle, settlement);
    }

    /**
     * Hub88-style RS_* protocol: unknown rollback → OK with balance (Caleta {@code Test_Rollback} family [C2]);
     * replay → original response ([H1]); ids global (a duplicate id from another user is DUPLICATE [C2]); tokens not
     * checked on wins/rollbacks ([H3]); no partial rollbacks; cancel after settle refused (wins are never rolled back
     * [C1]); bets only on listed, enabled games; several wins per bet until the round closes ([C1]: a round carries
     * bets and wins until {@code round_closed}); mixed settlement (wins name their bet).
     */
    public static ProviderPolicy hub88Defaults() {
        return new ProviderPolicy(UnknownRollback.ACK_WITH_BALANCE, Replay.ORIGINAL_RESPONSE, TxIdScope.GLOBAL,
                TokenCheck.SKIP, TokenCheck.SKIP, false, CancelAfterSettle.REJECT, false, GameCheck.STRICT,
                CreditAfterSettle.WHILE_ROUND_OPEN, Settlement.MIXED);
    }

    /**
     * Pragmatic: unknown refund → success, do nothing ([P1]); replay → current balance ([P1]); ids global (no source
     * says per player); tokens not checked on results/refunds (token optional, async credits [P1]); refunds credit
     * the stored stake; cancel after settle refused (inference: PP sends refund only for bets it considers failed);
     * bets only on listed, enabled games; several {@code result}s per round until {@code endRound} ([P1]: endRound
     * closes the round, results settle it); mixed settlement (a result settles the round's open bets and leaves the
     * round open for further results until {@code endRound}).
     */
    public static ProviderPolicy pragmaticDefaults() {
        return new ProviderPolicy(UnknownRollback.ACK_WITH_BALANCE, Replay.CURRENT_BALANCE, TxIdScope.GLOBAL,
                TokenCheck.SKIP, TokenCheck.SKIP, false, CancelAfterSettle.REJECT, false, GameCheck.STRICT,
                CreditAfterSettle.WHILE_ROUND_OPEN, Settlement.MIXED);
    }

    /**
     * Evolution One Wallet: unknown cancel → BET_DOES_NOT_EXIST ([E1]); replay → original response (E1 accepts
     * OK or BET_ALREADY_EXIST); ids global; an old sid fails on debit and credit ([E1]); no partial cancels; cancel
     * after settle → BET_ALREADY_SETTLED ([E1] {@code Test_debitCreditCancel}); no credit after cancel ([E1]); bets
     * only on listed, enabled games (tables); one credit per {@code refId}, a second is BET_ALREADY_SETTLED ([E1]
     * {@code Test_debitCreditBetAlreadySettled}; §4 shape C: credits are matched by refId); mixed settlement, one
     * credit per bet ([E3] offers "Mixed" and "Gamewise"; an operator whose Evolution integration settles game-wise
     * sets {@code settlement} {@link Settlement#GAMEWISE}).
     */
    public static ProviderPolicy evolutionDefaults() {
        return new ProviderPolicy(UnknownRollback.NOT_FOUND, Replay.ORIGINAL_RESPONSE, TxIdScope.GLOBAL,
                TokenCheck.ENFORCE, TokenCheck.ENFORCE, false, CancelAfterSettle.REJECT, false, GameCheck.STRICT,
                CreditAfterSettle.REJECT, Settlement.MIXED);
    }
}
