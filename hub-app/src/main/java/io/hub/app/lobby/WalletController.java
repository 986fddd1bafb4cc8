package io.hub.app.lobby;

import io.hub.app.auth.CurrentUser;
import io.hub.app.ledger.AccountDirectory;
import io.hub.app.player.User;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.ledger.LedgerQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The player's wallet over REST (player JWT):
 * <ul>
 *   <li>{@code GET /wallet/balance} → {@code {"balance":"1000.00","held":"0.00","owed":"0.00","currency":"EUR","balanceVersion":1}}
 *       ({@code owed}: what a chargeback or refund left the player owing, ADR 0008; bets and withdrawals wait until it is 0);</li>
 *   <li>{@code GET /wallet/transactions?page=0&size=20} → one page of the player's ledger transactions, newest
 *       first (see {@link #transactions}).</li>
 * </ul>
 */
@RestController
public class WalletController {
    /** Largest page of {@code GET /wallet/transactions}. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Highest page index accepted (keeps the database's OFFSET bounded). */
    public static final int MAX_PAGE = 10_000;
    private final CurrentUser current;
    private final AccountDirectory accounts;
    private final LedgerQueries queries;
    private final ObjectMapper json;

    public WalletController(CurrentUser current, AccountDirectory accounts, LedgerQueries queries, ObjectMapper json) {
        this.current = current;
        this.accounts = accounts;
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/wallet/balance")
    public Map<String, Object> balance(@AuthenticationPrincipal Jwt jwt) {
        User u = current.of(jwt);
        var acc = accounts.player(u.id()).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER, "no wallet for this user"));
        CurrencyUnit cur = CurrencyUnit.of(acc.currency());
        long[] cash = accounts.balance(acc.cash().id());
        long[] held = accounts.balance(acc.held().id());
        // what the player owes from a chargeback or refund (ADR 0008): the receivable's balance is zero or negative
        long owed = accounts.receivable(u.id(), acc.currency()).map(r -> -accounts.balance(r.id())[0]).orElse(0L);
        return Map.of("balance", Money.ofMinor(cash[0], cur).toDecimalString(), "held", Money.ofMinor(held[0], cur).toDecimalString(),
                "owed", Money.ofMinor(owed, cur).toDecimalString(), "currency", cur.code(), "balanceVersion", cash[1]);
    }

    /**
     * One page of the player's own ledger transactions, newest first:
     * {@code {"items":[{"transactionId","reason","cashChange","currency","createdAt","roundId"?,"gameId"?}],
     * "page","size","hasMore"}}. {@code reason} is the ledger reason code (BET_RESERVED, SPIN_SETTLED,
     * BET_HOLD_VOIDED, ADJUSTMENT, DEPOSIT, WITHDRAWAL…); {@code cashChange} is the signed change of the player's
     * cash balance as a decimal string in major units ("-1.00" for a reserved bet, "0.00" for a settle without a
     * win); {@code createdAt} ISO-8601 UTC. Errors: 400 INVALID_MESSAGE when {@code page} is not 0..10000 or
     * {@code size} not 1..100; 404 UNKNOWN_PLAYER for a user without a wallet (an operator).
     */
    @GetMapping("/wallet/transactions")
    public Map<String, Object> transactions(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > MAX_PAGE) throw new RejectedException(RejectionCode.INVALID_MESSAGE, "page must be 0.." + MAX_PAGE);
        if (size < 1 || size > MAX_PAGE_SIZE) throw new RejectedException(RejectionCode.INVALID_MESSAGE, "size must be 1.." + MAX_PAGE_SIZE);
        User u = current.of(jwt);
        var acc = accounts.player(u.id()).orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER, "no wallet for this user"));
        CurrencyUnit cur = CurrencyUnit.of(acc.currency());
        // one row more than asked tells whether a next page exists
        List<LedgerQueries.PlayerTransaction> rows = queries.playerTransactionsPage(u.id(), acc.cash().id(), (long) page * size, size + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        for (LedgerQueries.PlayerTransaction t : rows.subList(0, Math.min(size, rows.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transactionId", t.transactionId().toString());
            m.put("reason", t.reason());
            m.put("cashChange", Money.ofMinor(t.cashDeltaMinor(), CurrencyUnit.of(t.currency())).toDecimalString());
            m.put("currency", t.currency());
            m.put("createdAt", t.createdAt().toString());
            JsonNode meta = metadata(t.metadataJson());
            if (meta.path("roundId").isTextual()) m.put("roundId", meta.get("roundId").asText());
            if (meta.path("gameId").isTextual()) m.put("gameId", meta.get("gameId").asText());
            items.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("page", page);
        out.put("size", size);
        out.put("hasMore", rows.size() > size);
        out.put("currency", cur.code());
        return out;
    }

    private JsonNode metadata(String text) {
        if (text == null) return json.createObjectNode();
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
