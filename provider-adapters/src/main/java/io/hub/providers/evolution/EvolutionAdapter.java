package io.hub.providers.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.WalletResult;
import io.hub.providers.Decoded;
import io.hub.providers.InboundRequest;
import io.hub.providers.ProviderAdapter;
import io.hub.providers.ProviderPolicy;
import io.hub.providers.ProviderResponse;
import io.hub.providers.evolution.EvolutionMessages.Operation;
import io.hub.providers.evolution.EvolutionMessages.StandardResponse;
import io.hub.providers.support.BadRequest;
import io.hub.providers.support.StrictJson;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The Evolution-style One Wallet (providers.md §4 shape C): JSON POSTs to {@code check}, {@code balance},
 * {@code debit}, {@code credit}, {@code cancel}, {@code promo_payout} with the API token in the {@code authToken} query
 * parameter. {@code check} answers {@code {status, sid, uuid}} with a new sid when the wallet rotated it; the rest
 * answer {@code {status, balance, bonus, uuid, retransmission?}}.
 *
 * <p>Decode order: operation (unknown → INVALID_PARAMETER) → {@code authToken} (missing/wrong → INVALID_TOKEN_ID,
 * HTTP 401) → JSON (malformed → INVALID_PARAMETER) → canonical command.
 */
public final class EvolutionAdapter implements ProviderAdapter {
    public static final String PROTOCOL = "evolution";
    private static final String JSON = "application/json";

    private final EvolutionSettings settings;
    private final EvolutionSignature signature;
    private final EvolutionMapper mapper;

    public EvolutionAdapter(EvolutionSettings settings) {
        this.settings = settings;
        this.signature = new EvolutionSignature(settings.apiToken());
        this.mapper = new EvolutionMapper(settings);
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
            if (op.isEmpty()) return refuse(request, WalletRejection.UNKNOWN_ACTION, "unknown operation");
            if (!signature.verify(request.query().get(EvolutionSettings.AUTH_TOKEN_PARAM))) {
                return refuse(request, WalletRejection.INVALID_SIGNATURE, "authToken missing or wrong");
            }
            JsonNode json = StrictJson.parseObject(request.body());
            return new Decoded.Accepted(mapper.toCommand(mapper.read(op.get(), json)));
        } catch (BadRequest e) {
            return refuse(request, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            return refuse(request, WalletRejection.INTERNAL_ERROR, "unexpected decode failure");
        }
    }

    @Override
    public ProviderResponse encode(WalletCommand command, WalletResult result) {
        Object response = mapper.toResponse(command, result);
        return new ProviderResponse(EvolutionMapper.statusOf(response).httpStatus, JSON, EvolutionMapper.write(response),
                Map.of());
    }

    private static Decoded refuse(InboundRequest request, WalletRejection reason, String detail) {
        return new Decoded.Refused(reason, detail, errorResponse(request, reason));
    }

    private static ProviderResponse errorResponse(InboundRequest request, WalletRejection reason) {
        EvolutionErrorCodes.Status status = EvolutionErrorCodes.statusFor(reason);
        String uuid = StrictJson.echo(StrictJson.tryParse(request.body()), "uuid");
        StandardResponse r = new StandardResponse(status, BigDecimal.ZERO, BigDecimal.ZERO, uuid);
        return new ProviderResponse(status.httpStatus, JSON, EvolutionMapper.write(r), Map.of());
    }

    /** The answer for a callback addressed to a provider id that is not onboarded: INVALID_TOKEN_ID (401). */
    public static ProviderResponse unknownProvider(InboundRequest request) {
        return errorResponse(request, WalletRejection.UNKNOWN_PROVIDER);
    }
}
