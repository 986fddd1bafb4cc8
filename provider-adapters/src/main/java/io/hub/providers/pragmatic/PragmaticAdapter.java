package io.hub.providers.pragmatic;

import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.WalletResult;
import io.hub.providers.Decoded;
import io.hub.providers.InboundRequest;
import io.hub.providers.PlayerDirectory;
import io.hub.providers.ProviderAdapter;
import io.hub.providers.ProviderPolicy;
import io.hub.providers.ProviderResponse;
import io.hub.providers.pragmatic.PragmaticMessages.Operation;
import io.hub.providers.pragmatic.PragmaticMessages.Response;
import io.hub.providers.support.BadRequest;
import io.hub.providers.support.FormBody;
import io.hub.providers.support.Secrets;
import java.util.Map;
import java.util.Optional;

/**
 * The Pragmatic-style seamless wallet (providers.md §4 shape B): form posts to {@code authenticate.html},
 * {@code balance.html}, {@code bet.html}, {@code result.html}, {@code bonusWin.html}, {@code jackpotWin.html},
 * {@code promoWin.html}, {@code refund.html}, {@code endRound.html}; JSON answers {@code {…, error, description}},
 * always HTTP 200.
 *
 * <p>Decode order: operation (unknown → 7) → form body (malformed → 7) → {@code hash} over the decoded parameters
 * (missing/mismatch → 5) → {@code providerId} parameter (wrong → 5) → fields and exact amounts (→ 7, unknown player
 * → 2) → canonical command. The {@link Operation} is needed again to encode: use {@link #encode(WalletCommand,
 * WalletResult)} only for commands decoded by this adapter (it infers the endpoint from the command).
 */
public final class PragmaticAdapter implements ProviderAdapter {
    public static final String PROTOCOL = "pragmatic";
    private static final String JSON = "application/json";

    private final PragmaticSettings settings;
    private final PragmaticSignature signature;
    private final PragmaticMapper mapper;

    public PragmaticAdapter(PragmaticSettings settings, PlayerDirectory players) {
        this.settings = settings;
        this.signature = new PragmaticSignature(settings.secretKey(), settings.hashSkipsEmptyValues());
        this.mapper = new PragmaticMapper(settings, players);
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
            if (op.isEmpty()) return refuse(WalletRejection.UNKNOWN_ACTION, "unknown endpoint " + request.operation());
            Map<String, String> params = FormBody.parse(request.body());
            if (!signature.verify(params)) return refuse(WalletRejection.INVALID_SIGNATURE, "hash does not match");
            if (settings.expectedProviderParam() != null
                    && !Secrets.equalsConstantTime(settings.expectedProviderParam(), params.get("providerId"))) {
                return refuse(WalletRejection.UNKNOWN_PROVIDER, "providerId does not match");
            }
            return new Decoded.Accepted(mapper.toCommand(mapper.read(op.get(), params)));
        } catch (BadRequest e) {
            return refuse(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            return refuse(WalletRejection.INTERNAL_ERROR, "unexpected decode failure");
        }
    }

    @Override
    public ProviderResponse encode(WalletCommand command, WalletResult result) {
        return json(mapper.toResponse(operationOf(command), command, result));
    }

    /** The endpoint a decoded command came from (bet-less credits are told apart by their kind). */
    static Operation operationOf(WalletCommand c) {
        if (c instanceof io.hub.contracts.wallet.SessionCheck) return Operation.AUTHENTICATE;
        if (c instanceof io.hub.contracts.wallet.Balance) return Operation.BALANCE;
        if (c instanceof io.hub.contracts.wallet.Bet) return Operation.BET;
        if (c instanceof io.hub.contracts.wallet.Win) return Operation.RESULT;
        if (c instanceof io.hub.contracts.wallet.Rollback) return Operation.REFUND;
        if (c instanceof io.hub.contracts.wallet.RoundEnd) return Operation.END_ROUND;
        io.hub.contracts.wallet.PromoCredit p = (io.hub.contracts.wallet.PromoCredit) c;
        return switch (p.kind()) {
            case BONUS -> Operation.BONUS_WIN;
            case JACKPOT -> Operation.JACKPOT_WIN;
            case PROMOTION -> Operation.PROMO_WIN;
        };
    }

    private static Decoded refuse(WalletRejection reason, String detail) {
        PragmaticErrorCodes.Code code = PragmaticErrorCodes.codeFor(reason);
        return new Decoded.Refused(reason, detail,
                json(new Response(null, null, null, null, null, null, null, code.number, PragmaticErrorCodes.descriptionFor(reason))));
    }

    private static ProviderResponse json(Response r) {
        return new ProviderResponse(200, JSON, PragmaticMapper.write(r), Map.of());
    }

    /** The answer for a callback addressed to a provider id that is not onboarded: error 5, nothing applied. */
    public static ProviderResponse unknownProvider(InboundRequest request) {
        return ((Decoded.Refused) refuse(WalletRejection.UNKNOWN_PROVIDER, "unknown provider")).response();
    }
}
