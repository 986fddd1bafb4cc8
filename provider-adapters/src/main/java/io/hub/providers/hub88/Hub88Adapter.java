package io.hub.providers.hub88;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.WalletResult;
import io.hub.providers.Decoded;
import io.hub.providers.InboundRequest;
import io.hub.providers.ProviderAdapter;
import io.hub.providers.ProviderPolicy;
import io.hub.providers.ProviderResponse;
import io.hub.providers.hub88.Hub88Messages.Operation;
import io.hub.providers.hub88.Hub88Messages.Response;
import io.hub.providers.support.BadRequest;
import io.hub.providers.support.StrictJson;
import java.util.Map;
import java.util.Optional;

/**
 * The Hub88-style RS_* seamless wallet (providers.md §4 shape A): JSON POSTs to {@code user/info},
 * {@code user/balance}, {@code transaction/bet}, {@code transaction/win}, {@code transaction/rollback}, signed with
 * {@code X-Hub88-Signature} = Base64(SHA256withRSA(raw body)) by the provider; answers are HTTP 200
 * {@code {status, request_uuid, user, currency, balance}} signed the same way with the hub's key.
 *
 * <p>Decode order: operation → signature over the raw bytes (missing or bad → RS_ERROR_INVALID_SIGNATURE) → JSON
 * (unparseable → RS_ERROR_WRONG_SYNTAX; wrong field types, non-integer or out-of-int64 amounts →
 * RS_ERROR_WRONG_TYPES) → canonical command. Error answers echo {@code request_uuid}/{@code user} when readable.
 */
public final class Hub88Adapter implements ProviderAdapter {
    public static final String PROTOCOL = "hub88";
    private static final String JSON = "application/json";

    private final Hub88Settings settings;
    private final Hub88Signature signature;
    private final Hub88Mapper mapper;

    public Hub88Adapter(Hub88Settings settings) {
        this.settings = settings;
        this.signature = new Hub88Signature(settings.providerPublicKey(), settings.hubPrivateKey());
        this.mapper = new Hub88Mapper(settings);
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public String providerId() {
        return settings.providerId();
    }

    @Override
    public ProviderPolicy policy() {
        return settings.policy();
    }

    @Override
    public Decoded decode(InboundRequest request) {
        try {
            Optional<Operation> op = Operation.ofPath(request.operation());
            if (op.isEmpty()) {
                return refuse(request, WalletRejection.UNKNOWN_ACTION, "unknown operation " + request.operation(), false);
            }
            String sig = request.header(settings.signatureHeader());
            if (sig == null || sig.isBlank()) {
                return refuse(request, WalletRejection.INVALID_SIGNATURE, "missing " + settings.signatureHeader(), false);
            }
            if (!signature.verify(request.body(), sig)) {
                return refuse(request, WalletRejection.INVALID_SIGNATURE, "signature does not verify", false);
            }
            JsonNode json = StrictJson.parseObject(request.body());
            return new Decoded.Accepted(mapper.toCommand(mapper.read(op.get(), json)));
        } catch (BadRequest e) {
            return refuse(request, e.reason(), e.getMessage(), e.wrongType());
        } catch (RuntimeException e) {
            // Defensive: no input may make decode throw; answer like an internal failure (provider retries).
            return refuse(request, WalletRejection.INTERNAL_ERROR, "unexpected decode failure", false);
        }
    }

    @Override
    public ProviderResponse encode(WalletCommand command, WalletResult result) {
        return signed(mapper.toResponse(command, result));
    }

    /**
     * Hub88 amounts and balances are int64 at the protocol scale (EUR 1.00 = 100000, providers.md §1 row 7, §3
     * scenario 17): at scale 5 the largest EUR balance is 92,233,720,368,547.75.
     */
    @Override
    public long maxBalanceMinor(io.hub.contracts.money.CurrencyUnit currency) {
        return mapper.maxBalanceMinor(currency);
    }

    private Decoded refuse(InboundRequest request, WalletRejection reason, String detail, boolean wrongType) {
        JsonNode json = StrictJson.tryParse(request.body());
        Hub88ErrorCodes.Status status = wrongType ? Hub88ErrorCodes.Status.RS_ERROR_WRONG_TYPES
                : Hub88ErrorCodes.statusFor(reason);
        Response r = new Response(status, StrictJson.echo(json, "request_uuid"), StrictJson.echo(json, "user"),
                StrictJson.echo(json, "currency"), null);
        return new Decoded.Refused(reason, detail, signed(r));
    }

    private ProviderResponse signed(Response response) {
        byte[] body = Hub88Mapper.write(response);
        return new ProviderResponse(200, JSON, body, Map.of(settings.signatureHeader(), signature.sign(body)));
    }

    /**
     * The answer for a callback addressed to a provider id that is not onboarded (no keys to verify or sign with):
     * unsigned {@code RS_ERROR_INVALID_PARTNER}, nothing applied.
     */
    public static ProviderResponse unknownProvider(InboundRequest request) {
        JsonNode json = StrictJson.tryParse(request.body());
        Response r = new Response(Hub88ErrorCodes.statusFor(WalletRejection.UNKNOWN_PROVIDER),
                StrictJson.echo(json, "request_uuid"), StrictJson.echo(json, "user"), null, null);
        return new ProviderResponse(200, JSON, Hub88Mapper.write(r), Map.of());
    }
}
