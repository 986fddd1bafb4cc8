package io.hub.app.payments;

import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.app.ledger.AccountType;
import io.hub.app.ledger.AccountRef;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.LedgerResult;
import io.hub.app.ledger.Leg;
import io.hub.contracts.money.CurrencyUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The ledger transactions of payments, each idempotent on (source {@code payments}, scope "", {@code <kind>:<id>:<step>}),
 * so every posting of a deposit or withdrawal happens exactly once however often its event is delivered or processed.
 * Reason codes: DEPOSIT, DEPOSIT_REFUNDED, DEPOSIT_CHARGED_BACK, DEPOSIT_REINSTATED, RECEIVABLE_REPAID, WITHDRAWAL_RESERVED
 * (pending hold cash → held), WITHDRAWAL_PAID (hold → PSP clearing), WITHDRAWAL_RELEASED (hold → cash), WITHDRAWAL_RETURNED.
 *
 * <p>Money the PSP takes back (a refund, a chargeback; payments.md §5.2 "DR player_available (may go negative → lock
 * account), CR psp_clearing") is one balanced transaction ({@link #debitPlayer}): PSP clearing is credited the full
 * amount, the player's cash is debited what it holds, and the rest is debited to the player's
 * {@link AccountType#PLAYER_RECEIVABLE} (what the player owes; cash itself never goes negative). Money the PSP gives
 * back ({@link #creditPlayer}, a reinstated chargeback) and a later deposit ({@link #repayReceivable}) pay that
 * receivable down before anything reaches cash. Amounts are decided on balances locked for the rest of the caller's
 * transaction ({@link Ledger#lockBalances}), so a concurrent bet cannot change the split.
 */
@Component
public class PaymentLedger {
    static final String SOURCE = "payments";
    private final Ledger ledger;
    private final AccountDirectory accounts;

    public PaymentLedger(Ledger ledger, AccountDirectory accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    public PlayerAccounts player(UUID playerId) {
        return accounts.player(playerId).orElseThrow(() -> new PaymentProblem(404, "NOT_FOUND", "player has no wallet"));
    }

    public AccountRef clearing(PlayerAccounts acc) {
        return accounts.systemAccount(AccountType.PSP_CLEARING, acc.currency(), acc.cash().id());
    }

    /** The player's cash balance in minor units (not locked). */
    public long cash(PlayerAccounts acc) {
        return accounts.balance(acc.cash().id())[0];
    }

    /** What the player owes the hub in minor units (0 for nothing); not locked, for gates. */
    public long owedMinor(UUID playerId) {
        return accounts.owedMinor(playerId);
    }

    /**
     * How a debit of the player was split.
     *
     * @param fromCashMinor     taken from the player's cash
     * @param toReceivableMinor the shortfall, now owed on the player's receivable
     */
    public record Debit(long fromCashMinor, long toReceivableMinor) {
    }

    /**
     * How a credit to the player was split.
     *
     * @param toReceivableMinor paid against what the player owed
     * @param toCashMinor       credited to the player's cash
     */
    public record Credit(long toReceivableMinor, long toCashMinor) {
    }

    /**
     * One transaction: CR PSP clearing {@code amountMinor}; DR the player's cash what it holds, at most the amount; DR
     * the player's receivable the rest (opened on first use). Must run inside the caller's transaction.
     */
    public Debit debitPlayer(String reason, String externalId, UUID playerId, long amountMinor, Map<String, Object> metadata) {
        if (amountMinor <= 0) throw new IllegalArgumentException("debit amount must be positive: " + amountMinor);
        PlayerAccounts acc = player(playerId);
        Optional<AccountRef> receivable = accounts.receivable(playerId, acc.currency());
        long cash = lock(acc, receivable).get(acc.cash().id());
        long fromCash = Math.min(amountMinor, Math.max(cash, 0));
        long shortfall = amountMinor - fromCash;
        List<Leg> legs = new ArrayList<>();
        if (fromCash > 0) legs.add(new Leg(acc.cash(), -fromCash));
        if (shortfall > 0) {
            AccountRef r = receivable.orElseGet(() -> accounts.openReceivable(playerId, acc.currency()));
            ledger.lockBalances(List.of(r));
            legs.add(new Leg(r, -shortfall));
        }
        legs.add(new Leg(clearing(acc), amountMinor));
        apply(reason, externalId, playerId, acc, legs, metadata, Map.of("fromCashMinor", fromCash, "toReceivableMinor", shortfall));
        return new Debit(fromCash, shortfall);
    }

    /**
     * One transaction: DR PSP clearing {@code amountMinor}; CR the player's receivable what the player owes, at most
     * the amount; CR the player's cash the rest. Must run inside the caller's transaction.
     */
    public Credit creditPlayer(String reason, String externalId, UUID playerId, long amountMinor, Map<String, Object> metadata) {
        if (amountMinor <= 0) throw new IllegalArgumentException("credit amount must be positive: " + amountMinor);
        PlayerAccounts acc = player(playerId);
        Optional<AccountRef> receivable = accounts.receivable(playerId, acc.currency());
        Map<Long, Long> balances = lock(acc, receivable);
        long owed = receivable.map(r -> -balances.get(r.id())).orElse(0L);
        long toReceivable = Math.min(amountMinor, Math.max(owed, 0));
        long toCash = amountMinor - toReceivable;
        List<Leg> legs = new ArrayList<>();
        legs.add(new Leg(clearing(acc), -amountMinor));
        if (toReceivable > 0) legs.add(new Leg(receivable.orElseThrow(), toReceivable));
        if (toCash > 0) legs.add(new Leg(acc.cash(), toCash));
        apply(reason, externalId, playerId, acc, legs, metadata, Map.of("toReceivableMinor", toReceivable, "toCashMinor", toCash));
        return new Credit(toReceivable, toCash);
    }

    /**
     * Pays what the player owes from the player's cash, at most {@code maxMinor} (a deposit: its own amount), as its own
     * transaction RECEIVABLE_REPAID (DR cash, CR receivable) inside the caller's transaction.
     *
     * @return the amount repaid, 0 when nothing was owed (no transaction then)
     */
    public long repayReceivable(String externalId, UUID playerId, long maxMinor, Map<String, Object> metadata) {
        PlayerAccounts acc = player(playerId);
        Optional<AccountRef> receivable = accounts.receivable(playerId, acc.currency());
        if (receivable.isEmpty()) return 0;
        Map<Long, Long> balances = lock(acc, receivable);
        long owed = -balances.get(receivable.get().id());
        long repay = Math.min(Math.min(owed, maxMinor), balances.get(acc.cash().id()));
        if (repay <= 0) return 0;
        apply("RECEIVABLE_REPAID", externalId, playerId, acc, List.of(new Leg(acc.cash(), -repay), new Leg(receivable.get(), repay)),
                metadata, Map.of("repaidMinor", repay, "owedBeforeMinor", owed));
        return repay;
    }

    private Map<Long, Long> lock(PlayerAccounts acc, Optional<AccountRef> receivable) {
        List<AccountRef> toLock = new ArrayList<>();
        toLock.add(acc.cash());
        receivable.ifPresent(toLock::add);
        return ledger.lockBalances(toLock);
    }

    private void apply(String reason, String externalId, UUID playerId, PlayerAccounts acc, List<Leg> legs, Map<String, Object> metadata,
                       Map<String, Object> split) {
        CurrencyUnit cur = CurrencyUnit.of(acc.currency());
        StringBuilder canonical = new StringBuilder(reason).append('|').append(externalId).append('|').append(cur.code());
        for (Leg l : legs) canonical.append('|').append(l.account().type()).append(':').append(l.amountMinor());
        Map<String, Object> meta = new LinkedHashMap<>(metadata);
        meta.putAll(split);
        ledger.apply(new LedgerCommand(new IdempotencyKey(SOURCE, "", externalId), reason, cur, playerId, legs, canonical.toString(),
                null, null, meta, applied -> Map.of("transactionId", applied.transactionId().toString())));
    }

    public LedgerResult transfer(String reason, String externalId, UUID playerId, AccountRef from, AccountRef to, long amountMinor,
                                 Duration holdTimeout, UUID resolvesHold, Map<String, Object> metadata) {
        CurrencyUnit cur = CurrencyUnit.of(from.currency());
        return ledger.apply(new LedgerCommand(new IdempotencyKey(SOURCE, "", externalId), reason, cur, playerId,
                List.of(Leg.transfer(from, to, amountMinor)),
                reason + "|" + externalId + "|" + amountMinor + "|" + cur.code(), holdTimeout, resolvesHold, metadata,
                applied -> Map.of("transactionId", applied.transactionId().toString())));
    }
}
