package io.hub.app.providers.wallet.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.providers.pragmatic.PragmaticErrorCodes;
import io.hub.providers.pragmatic.PragmaticSignature;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Pragmatic-style provider side (providers.md §4 shape B): form posts to {@code *.html} with the MD5 {@code hash}
 * of the sorted parameters plus the secret; decimal amounts in major units; answers {@code {error, cash, …}}.
 */
public final class PragmaticDriver implements ProtocolDriver {
    private final PragmaticSignature signature;
    private final String providerParam;

    public PragmaticDriver(String secret, boolean hashSkipsEmptyValues, String providerParam) {
        this.signature = new PragmaticSignature(secret, hashSkipsEmptyValues);
        this.providerParam = providerParam == null ? "PragmaticPlay" : providerParam;
    }

    @Override
    public ProviderCallback render(Call c) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("providerId", providerParam);
        p.put("userId", c.playerId());
        String path;
        switch (c.op()) {
            case "check-session":
                path = "authenticate.html";
                p.remove("userId");
                if (c.token() != null) p.put("token", c.token());
                p.put("gameId", c.gameCode());
                break;
            case "balance":
                path = "balance.html";
                if (c.token() != null) p.put("token", c.token());
                break;
            case "bet":
                path = "bet.html";
                common(p, c);
                p.put("amount", c.amountValue().toPlainString());
                p.put("reference", c.txId());
                p.put("roundDetails", "spin");
                break;
            case "win":
                path = "result.html";
                common(p, c);
                p.put("amount", c.amountValue().toPlainString());
                p.put("reference", c.txId());
                break;
            case "rollback":
                path = "refund.html";
                p.put("reference", c.betRef());
                p.put("gameId", c.gameCode());
                p.put("roundId", c.roundId());
                if (c.amount() != null) p.put("amount", c.amountValue().toPlainString());
                break;
            case "promo":
                path = "promoWin.html";
                p.put("campaignId", "conformance-campaign");
                p.put("campaignType", "T");
                p.put("amount", c.amountValue().toPlainString());
                p.put("currency", c.amount().currency().code());
                p.put("reference", c.txId());
                p.put("timestamp", String.valueOf(System.currentTimeMillis()));
                break;
            case "end-round":
                path = "endRound.html";
                p.put("gameId", c.gameCode());
                p.put("roundId", c.roundId());
                break;
            default:
                return null;
        }
        p.put("hash", signature.hash(p));
        StringJoiner body = new StringJoiner("&");
        p.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return new ProviderCallback(c.providerId(), path, body.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), Map.of());
    }

    private static void common(Map<String, String> p, Call c) {
        if (c.token() != null) p.put("token", c.token());
        p.put("gameId", c.gameCode());
        p.put("roundId", c.roundId());
        p.put("timestamp", String.valueOf(System.currentTimeMillis()));
    }

    @Override
    public String expectedStatus(String canonical) {
        return "OK".equals(canonical) ? "0" : String.valueOf(PragmaticErrorCodes.codeFor(WalletRejection.valueOf(canonical)).number);
    }

    @Override
    public String actualStatus(ProviderCallbackAnswer a) {
        return Hub88Driver.read(a).path("error").asText("<none>");
    }

    @Override
    public Money responseBalance(ProviderCallbackAnswer a, CurrencyUnit currency) {
        JsonNode cash = Hub88Driver.read(a).get("cash");
        if (cash == null || !cash.isNumber()) return null;
        return Money.ofMinor(new BigDecimal(cash.asText()).movePointRight(currency.scale()).longValueExact(), currency);
    }

    @Override
    public List<String> problems(ProviderCallbackAnswer a) {
        return a.httpStatus() == 200 ? List.of() : List.of("Pragmatic answers are HTTP 200, got " + a.httpStatus());
    }
}
