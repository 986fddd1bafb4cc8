package io.hub.app.lobby;

import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.HoldNotPendingException;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.LedgerQueries;
import io.hub.app.ledger.LedgerQueries.ExpiredHold;
import io.hub.app.ledger.Leg;
import io.hub.contracts.money.CurrencyUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Voids pending holds past their {@code expires_at} (a spin whose node died between reserve and settle): each as
 * a {@code BET_HOLD_VOIDED} transaction keyed (hold-expiry, "", hold id), so a sweep and a late settle can never
 * both resolve one hold. Driven by the {@code hold-expiry} route.
 */
@Component
public class SpinHoldSweeper implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SpinHoldSweeper.class);
    private final LedgerQueries queries;
    private final Ledger ledger;
    private final AccountDirectory accounts;

    public SpinHoldSweeper(LedgerQueries queries, Ledger ledger, AccountDirectory accounts) {
        this.queries = queries;
        this.ledger = ledger;
        this.accounts = accounts;
    }

    @Override
    public void run() {
        for (ExpiredHold h : queries.expiredHolds(200)) {
            var acc = accounts.player(h.playerId()).orElseThrow();
            try {
                ledger.apply(new LedgerCommand(new IdempotencyKey("hold-expiry", "", h.holdId().toString()), "BET_HOLD_VOIDED",
                        CurrencyUnit.of(h.currency()), h.playerId(), List.of(Leg.transfer(acc.held(), acc.cash(), h.amountMinor())),
                        "expire|" + h.holdId(), null, h.holdId(), Map.of("expiredHold", h.holdId().toString()),
                        applied -> Map.of("voidedHold", h.holdId().toString())));
                log.warn("voided expired hold {} of player {} ({} minor units {})", h.holdId(), h.playerId(), h.amountMinor(), h.currency());
            } catch (HoldNotPendingException e) {
                log.info("expired hold {} was resolved meanwhile", h.holdId());
            }
        }
    }
}
