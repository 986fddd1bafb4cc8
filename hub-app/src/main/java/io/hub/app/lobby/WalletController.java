package io.hub.app.lobby;

import io.hub.app.auth.CurrentUser;
import io.hub.app.ledger.AccountDirectory;
import io.hub.app.player.User;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /wallet/balance} (player JWT) → {@code {"balance":"1000.00","held":"0.00","currency":"EUR","balanceVersion":1}}. */
@RestController
public class WalletController {
    private final CurrentUser current;
    private final AccountDirectory accounts;

    public WalletController(CurrentUser current, AccountDirectory accounts) {
        this.current = current;
        this.accounts = accounts;
    }

    @GetMapping("/wallet/balance")
    public Map<String, Object> balance(@AuthenticationPrincipal Jwt jwt) {
        User u = current.of(jwt);
        var acc = accounts.player(u.id()).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER, "no wallet for this user"));
        CurrencyUnit cur = CurrencyUnit.of(acc.currency());
        long[] cash = accounts.balance(acc.cash().id());
        long[] held = accounts.balance(acc.held().id());
        return Map.of("balance", Money.ofMinor(cash[0], cur).toDecimalString(), "held", Money.ofMinor(held[0], cur).toDecimalString(),
                "currency", cur.code(), "balanceVersion", cash[1]);
    }
}
