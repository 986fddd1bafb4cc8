package io.hub.app.providers.wallet;

import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.ProviderRegistry;
import io.hub.contracts.wallet.DecodedCallback;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.contracts.wallet.ProviderWalletPort;
import io.hub.contracts.wallet.Rejected;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.WalletResult;
import io.hub.providers.Decoded;
import io.hub.providers.InboundRequest;
import io.hub.providers.ProviderAdapter;
import io.hub.providers.ProviderResponse;
import io.hub.providers.evolution.EvolutionAdapter;
import io.hub.providers.evolution.EvolutionMessages;
import io.hub.providers.hub88.Hub88Adapter;
import io.hub.providers.hub88.Hub88Messages;
import io.hub.providers.pragmatic.PragmaticAdapter;
import io.hub.providers.pragmatic.PragmaticMessages;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The provider wallet callback port: resolves the onboarded provider ({@link ProviderRegistry}), lets its protocol
 * adapter verify and translate the raw callback, applies the command through {@link ProviderWallet} and renders the
 * answer with the same adapter. Unknown or disabled providers get the protocol's own "unknown partner" answer
 * ({@code XAdapter.unknownProvider}); the protocol is then told from the path (Hub88 {@code transaction/…},
 * {@code user/…}; Pragmatic {@code *.html}; Evolution {@code check}, {@code debit}, …).
 */
@Component
public class ProviderWalletService implements ProviderWalletPort {
    private static final Logger log = LoggerFactory.getLogger(ProviderWalletService.class);
    private final ProviderRegistry registry;
    private final ProviderAdapters adapters;
    private final ProviderWallet wallet;

    public ProviderWalletService(ProviderRegistry registry, ProviderAdapters adapters, ProviderWallet wallet) {
        this.registry = registry;
        this.adapters = adapters;
        this.wallet = wallet;
    }

    @Override
    public Object decode(ProviderCallback callback) {
        InboundRequest request = inbound(callback);
        Optional<ProviderConfig> p = registry.find(callback.providerId());
        if (p.isEmpty() || !p.get().enabled()) {
            ProviderProtocol protocol = p.map(ProviderConfig::protocol).orElse(guessProtocol(callback.operation()));
            return answer(unknownProvider(protocol, request), WalletRejection.UNKNOWN_PROVIDER.name());
        }
        ProviderAdapter adapter;
        try {
            adapter = adapters.adapterFor(p.get());
        } catch (IllegalStateException e) {
            log.error("provider {} cannot be served: {}", callback.providerId(), e.getMessage());
            return answer(unknownProvider(p.get().protocol(), request), WalletRejection.UNKNOWN_PROVIDER.name());
        }
        Decoded d = adapter.decode(request);
        if (d instanceof Decoded.Refused r) return answer(r.response(), r.reason().name());
        return new DecodedCallback(callback, ((Decoded.Accepted) d).command(), null);
    }

    @Override
    public DecodedCallback apply(DecodedCallback decoded) {
        ProviderConfig p = registry.find(decoded.callback().providerId()).orElseThrow();
        // the adapter says which balances its protocol can carry; the wallet refuses anything beyond before it commits
        return decoded.withResult(wallet.apply(p, decoded.command(), adapters.adapterFor(p)::maxBalanceMinor));
    }

    @Override
    public ProviderCallbackAnswer encode(DecodedCallback decoded) {
        ProviderConfig p = registry.find(decoded.callback().providerId()).orElseThrow();
        WalletResult result = decoded.result();
        String outcome = result instanceof Rejected r ? r.reason().name() : "ok";
        return answer(adapters.adapterFor(p).encode(decoded.command(), result), outcome);
    }

    @Override
    public ProviderCallbackAnswer internalError(ProviderCallback callback) {
        InboundRequest request = inbound(callback);
        Optional<ProviderConfig> p = registry.find(callback.providerId());
        if (p.isPresent()) {
            try {
                ProviderAdapter adapter = adapters.adapterFor(p.get());
                Decoded d = adapter.decode(request);
                if (d instanceof Decoded.Accepted a) {
                    return answer(adapter.encode(a.command(), Rejected.of(WalletRejection.INTERNAL_ERROR)), WalletRejection.INTERNAL_ERROR.name());
                }
                return answer(((Decoded.Refused) d).response(), WalletRejection.INTERNAL_ERROR.name());
            } catch (RuntimeException e) {
                log.error("cannot render an internal-error answer for provider {}", callback.providerId(), e);
            }
        }
        return answer(unknownProvider(p.map(ProviderConfig::protocol).orElse(guessProtocol(callback.operation())), request),
                WalletRejection.INTERNAL_ERROR.name());
    }

    /**
     * Metric tags of a callback: the provider id when it is onboarded (else {@code unknown}, so random ids cannot grow
     * the metric set) and the protocol operation when it is one the protocol knows (else {@code unknown}).
     */
    public String[] metricTags(ProviderCallback callback) {
        Optional<ProviderConfig> p = registry.find(callback.providerId());
        if (p.isEmpty()) return new String[] {"unknown", "unknown"};
        String op = callback.operation();
        Optional<String> known;
        switch (p.get().protocol()) {
            case HUB88:
                known = Hub88Messages.Operation.ofPath(op).map(o -> o.path);
                break;
            case PRAGMATIC:
                known = PragmaticMessages.Operation.ofPath(op).map(o -> o.endpoint);
                break;
            default:
                known = EvolutionMessages.Operation.ofPath(op).map(o -> o.path);
        }
        return new String[] {p.get().id(), known.orElse("unknown")};
    }

    static ProviderProtocol guessProtocol(String operation) {
        String op = operation == null ? "" : operation;
        if (op.endsWith(".html")) return ProviderProtocol.PRAGMATIC;
        if (op.contains("/")) return ProviderProtocol.HUB88;
        if (EvolutionMessages.Operation.ofPath(op).isPresent()) return ProviderProtocol.EVOLUTION;
        return ProviderProtocol.PRAGMATIC;
    }

    private static ProviderResponse unknownProvider(ProviderProtocol protocol, InboundRequest request) {
        switch (protocol) {
            case HUB88: return Hub88Adapter.unknownProvider(request);
            case EVOLUTION: return EvolutionAdapter.unknownProvider(request);
            default: return PragmaticAdapter.unknownProvider(request);
        }
    }

    private static InboundRequest inbound(ProviderCallback cb) {
        return new InboundRequest(cb.operation(), cb.body(), cb.headers(), cb.query());
    }

    private static ProviderCallbackAnswer answer(ProviderResponse r, String outcome) {
        return new ProviderCallbackAnswer(r.httpStatus(), r.contentType(), r.body(), r.headers(), outcome);
    }
}
