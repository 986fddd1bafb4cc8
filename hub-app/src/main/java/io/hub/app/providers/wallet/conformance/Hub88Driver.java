package io.hub.app.providers.wallet.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.providers.hub88.Hub88ErrorCodes;
import io.hub.providers.hub88.Hub88Signature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * The Hub88-style provider side (providers.md §4 shape A): JSON bodies signed with the provider's private key in
 * {@code signatureHeader}; integer amounts at {@code scale}; answers verified with the hub's public key.
 */
public final class Hub88Driver implements ProtocolDriver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Hub88Signature signature;
    private final String header;
    private final int scale;

    public Hub88Driver(PrivateKey providerPrivateKey, PublicKey hubPublicKey, String header, int scale) {
        this.signature = new Hub88Signature(hubPublicKey, providerPrivateKey);
        this.header = header;
        this.scale = scale;
    }

    @Override
    public ProviderCallback render(Call c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("user", c.playerId());
        if (c.token() != null) o.put("token", c.token());
        o.put("request_uuid", c.requestId());
        o.put("game_code", c.gameCode());
        String path;
        switch (c.op()) {
            case "check-session":
                path = "user/info";
                break;
            case "balance":
                path = "user/balance";
                if (c.amount() != null) o.put("currency", c.amount().currency().code());
                break;
            case "bet":
                path = "transaction/bet";
                o.put("currency", c.amount().currency().code());
                o.put("transaction_uuid", c.txId());
                o.put("round", c.roundId());
                o.put("round_closed", c.roundClosed());
                o.put("amount", scaled(c));
                o.put("is_free", false);
                break;
            case "win":
                path = "transaction/win";
                o.put("currency", c.amount().currency().code());
                o.put("transaction_uuid", c.txId());
                o.put("reference_transaction_uuid", c.betRef());
                o.put("round", c.roundId());
                o.put("round_closed", c.roundClosed());
                o.put("amount", scaled(c));
                break;
            case "promo":
                path = "transaction/win";
                o.put("currency", c.amount().currency().code());
                o.put("transaction_uuid", c.txId());
                o.put("is_supplier_promo", true);
                o.put("amount", scaled(c));
                break;
            case "rollback":
                path = "transaction/rollback";
                o.put("transaction_uuid", c.txId());
                o.put("reference_transaction_uuid", c.betRef());
                o.put("round", c.roundId());
                o.put("round_closed", c.roundClosed());
                if (c.amount() != null) {
                    o.put("currency", c.amount().currency().code());
                    o.put("amount", scaled(c));
                }
                break;
            default:
                return null;
        }
        byte[] body = o.toString().getBytes(StandardCharsets.UTF_8);
        return new ProviderCallback(c.providerId(), path, body, Map.of(header, signature.sign(body),
                "Content-Type", "application/json"), Map.of());
    }

    /** The call's amount as Hub88's integer at the protocol scale (a value finer than the scale is cut off). */
    private BigInteger scaled(Call c) {
        return c.amountValue().movePointRight(scale).toBigInteger();
    }

    @Override
    public String expectedStatus(String canonical) {
        return "OK".equals(canonical) ? "RS_OK" : Hub88ErrorCodes.statusFor(WalletRejection.valueOf(canonical)).name();
    }

    @Override
    public String actualStatus(ProviderCallbackAnswer a) {
        return read(a).path("status").asText("<none>");
    }

    @Override
    public Money responseBalance(ProviderCallbackAnswer a, CurrencyUnit currency) {
        JsonNode b = read(a).get("balance");
        if (b == null || !b.isIntegralNumber()) return null;
        BigDecimal major = new BigDecimal(b.bigIntegerValue(), scale);
        return Money.ofMinor(major.movePointRight(currency.scale()).longValueExact(), currency);
    }

    @Override
    public List<String> problems(ProviderCallbackAnswer a) {
        String sig = a.headers().get(header);
        if (sig == null) return List.of("answer has no " + header);
        return signature.verify(a.body(), sig) ? List.of() : List.of("answer signature does not verify with the hub's public key");
    }

    static JsonNode read(ProviderCallbackAnswer a) {
        try {
            return JSON.readTree(a.body());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
