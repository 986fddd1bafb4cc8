package io.hub.providers.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.WalletResult;
import io.hub.providers.Decoded;
import io.hub.providers.InboundRequest;
import io.hub.providers.PlayerDirectory;
import io.hub.providers.ProviderAdapter;
import io.hub.providers.ProviderPolicy;
import io.hub.providers.ProviderResponse;
import io.hub.providers.evolution.EvolutionMessages.Operation;
import io.hub.providers.evolution.EvolutionMessages.StandardResponse;
import io.hub.providers.support.Amounts;
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
    private final PlayerDirectory players;

    /** An adapter that answers refusals made before the wallet with balance 0 (it knows no player). */
    public EvolutionAdapter(EvolutionSettings settings) {
        this(settings, PlayerDirectory.none());
    }

    /**
     * @param players the player's real balance for answers to authenticated requests refused before the wallet
     *                (INVALID_PARAMETER: every Evolution answer carries the balance, §4 shape C)
     */
    public EvolutionAdapter(EvolutionSettings settings, PlayerDirectory players) {
        this.settings = settings;
        this.signature = new EvolutionSignature(settings.apiToken());
        this.mapper = new EvolutionMapper(settings);
        this.players = players;
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

    /**
     * Refusals before the {@code authToken} is verified (unknown operation, missing or wrong token) answer balance 0: the
     * caller is not authenticated, and a balance would tell anyone who knows a player id that player's money (Valkyrie's
     * own Evolution adapter answers a wrong token with a bare 401 [E2]). Refusals of an authenticated request
     * (INVALID_PARAMETER for a malformed field or amount…) answer the named player's real balance when the player is
     * known, 0 when not.
     */
    @Override
    public Decoded decode(InboundRequest request) {
        boolean authenticated = false;
        try {
            Optional<Operation> op = Operation.ofPath(request.operation());
            if (op.isEmpty()) return refuse(request, WalletRejection.UNKNOWN_ACTION, "unknown operation", null);
            if (!signature.verify(request.query().get(EvolutionSettings.AUTH_TOKEN_PARAM))) {
                return refuse(request, WalletRejection.INVALID_SIGNATURE, "authToken missing or wrong", null);
            }
            authenticated = true;
            JsonNode json = StrictJson.parseObject(request.body());
            return new Decoded.Accepted(mapper.toCommand(mapper.read(op.get(), json)));
        } catch (BadRequest e) {
            return refuse(request, e.reason(), e.getMessage(), authenticated ? knownBalance(request) : null);
        } catch (RuntimeException e) {
            return refuse(request, WalletRejection.INTERNAL_ERROR, "unexpected decode failure", authenticated ? knownBalance(request) : null);
        }
    }

    /** The balance of the player the (authenticated) request names in {@code userId}, or null. */
    private Money knownBalance(InboundRequest request) {
        String userId = StrictJson.echo(StrictJson.tryParse(request.body()), "userId");
        if (userId == null) return null;
        try {
            return players.balanceOf(settings.providerId(), userId).orElse(null);
        } catch (RuntimeException e) {
            return null;   // answering the refusal matters more than its balance
        }
    }

    @Override
    public ProviderResponse encode(WalletCommand command, WalletResult result) {
        Object response = mapper.toResponse(command, result);
        return new ProviderResponse(EvolutionMapper.statusOf(response).httpStatus, JSON, EvolutionMapper.write(response),
                Map.of());
    }

    private static Decoded refuse(InboundRequest request, WalletRejection reason, String detail, Money balance) {
        return new Decoded.Refused(reason, detail, errorResponse(request, reason, balance));
    }

    private static ProviderResponse errorResponse(InboundRequest request, WalletRejection reason, Money balance) {
        EvolutionErrorCodes.Status status = EvolutionErrorCodes.statusFor(reason);
        String uuid = StrictJson.echo(StrictJson.tryParse(request.body()), "uuid");
        StandardResponse r = balance == null ? new StandardResponse(status, BigDecimal.ZERO, BigDecimal.ZERO, uuid)
                : new StandardResponse(status, Amounts.toMajor(balance), Amounts.toMajor(Money.zero(balance.currency())), uuid);
        return new ProviderResponse(status.httpStatus, JSON, EvolutionMapper.write(r), Map.of());
    }

    /** The answer for a callback addressed to a provider id that is not onboarded: INVALID_TOKEN_ID (401), balance 0. */
    public static ProviderResponse unknownProvider(InboundRequest request) {
        return errorResponse(request, WalletRejection.UNKNOWN_PROVIDER, null);
    }
}
