package io.hub.app.lobby;

import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.HoldNotPendingException;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.Leg;
import io.hub.contracts.money.CurrencyUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Voids pending holds past their {@code expires_at} (a spin whose node died between reserve and settle): each as
 * a {@code BET_HOLD_VOIDED} transaction keyed (hold-expiry, "", hold id), so a sweep and a late settle can never
 * both resolve one hold. Driven by the {@code hold-expiry} route.
 */
@Component
public class SpinHoldSweeper implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SpinHoldSweeper.class);
    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final AccountDirectory accounts;

    public SpinHoldSweeper(JdbcTemplate jdbc, Ledger ledger, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.accounts = accounts;
    }

    record Expired(UUID holdId, UUID playerId, long amountMinor, String currency) {
    }

    @Override
    public void run() {
        List<Expired> expired = jdbc.query("SELECT hold_id, player_id, amount_minor, currency FROM pending_hold "
                        + "WHERE expires_at < clock_timestamp() ORDER BY expires_at LIMIT 200",
                (rs, i) -> new Expired(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4)));
        for (Expired h : expired) {
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
