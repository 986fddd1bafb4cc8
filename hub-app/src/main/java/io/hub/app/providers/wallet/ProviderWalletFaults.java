package io.hub.app.providers.wallet;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A one-shot fault for the conformance kit's own throw-away players (providers.md §3 scenario 19: an internal wallet
 * error must be answered "internal error, retry" and leave nothing behind). Armed only by the kit; the next wallet
 * command of that player fails inside its database transaction, after the player lock, so the rollback is real.
 */
@Component
public class ProviderWalletFaults {
    private final Set<UUID> armed = ConcurrentHashMap.newKeySet();

    /** The next command of this player fails once. */
    public void failNext(UUID playerId) {
        armed.add(playerId);
    }

    void check(UUID playerId) {
        if (!armed.isEmpty() && armed.remove(playerId)) throw new InjectedFault();
    }

    /** The injected failure (an unexpected error, not a domain refusal). */
    public static final class InjectedFault extends IllegalStateException {
        InjectedFault() {
            super("injected wallet fault (conformance kit)");
        }
    }
}
