package io.hub.app.providers.wallet.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.providers.evolution.EvolutionErrorCodes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Evolution-style provider side (providers.md §4 shape C): JSON to {@code debit}, {@code credit}, {@code cancel},
 * {@code promo_payout} with the API token in the {@code authToken} query parameter; decimal amounts; answers
 * {@code {status, balance, bonus, uuid}}.
 */
public final class EvolutionDriver implements ProtocolDriver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String apiToken;

    public EvolutionDriver(String apiToken) {
        this.apiToken = apiToken;
    }

    @Override
    public ProviderCallback render(Call c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sid", c.token() == null ? "none" : c.token());
        o.put("userId", c.playerId());
        o.put("uuid", c.requestId());
        String path;
        switch (c.op()) {
            case "bet": path = "debit"; break;
            case "win": path = "credit"; break;
            case "rollback": path = "cancel"; break;
            case "promo": path = "promo_payout"; break;
            case "balance": path = "balance"; break;
            default: return null;
        }
        o.put("currency", c.amount() != null ? c.amount().currency().code() : "EUR");
        if (path.equals("promo_payout")) {
            // a promo payout names no game round (providers.md §4 shape C lists only promoTransaction): sent as null
            o.putNull("game");
        } else if (!path.equals("balance")) {
            ObjectNode game = o.putObject("game");
            game.put("id", c.roundId() != null ? c.roundId() : c.txId());
            game.put("type", "blackjack");
            game.putObject("details").putObject("table").put("id", c.gameCode()).put("vid", "v1");
        }
        if (path.equals("debit") || path.equals("credit") || path.equals("cancel")) {
            ObjectNode t = o.putObject("transaction");
            t.put("id", c.txId());
            t.put("refId", path.equals("debit") ? c.txId() : c.betRef());
            if (c.amount() != null) t.put("amount", c.amountValue());
        } else if (path.equals("promo_payout")) {
            ObjectNode p = o.putObject("promoTransaction");
            p.put("type", "FREEROUND_PAYOUT");
            p.put("id", c.txId());
            p.put("amount", c.amountValue());
        }
        return new ProviderCallback(c.providerId(), path, o.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"), Map.of("authToken", apiToken));
    }

    @Override
    public String expectedStatus(String canonical) {
        return "OK".equals(canonical) ? "OK" : EvolutionErrorCodes.statusFor(WalletRejection.valueOf(canonical)).name();
    }

    @Override
    public String actualStatus(ProviderCallbackAnswer a) {
        return Hub88Driver.read(a).path("status").asText("<none>");
    }

    @Override
    public Money responseBalance(ProviderCallbackAnswer a, CurrencyUnit currency) {
        JsonNode b = Hub88Driver.read(a).get("balance");
        if (b == null || !b.isNumber()) return null;
        return Money.ofMinor(new BigDecimal(b.asText()).movePointRight(currency.scale()).longValueExact(), currency);
    }

    @Override
    public List<String> problems(ProviderCallbackAnswer a) {
        String status = actualStatus(a);
        try {
            int http = EvolutionErrorCodes.Status.valueOf(status).httpStatus;
            return http == a.httpStatus() ? List.of() : List.of("status " + status + " must be HTTP " + http + ", was " + a.httpStatus());
        } catch (IllegalArgumentException e) {
            return List.of("unknown Evolution status " + status);
        }
    }
}
