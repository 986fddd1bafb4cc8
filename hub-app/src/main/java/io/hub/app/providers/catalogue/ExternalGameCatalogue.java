package io.hub.app.providers.catalogue;

import io.hub.app.games.ExternalGames;
import io.hub.app.games.GameCatalogue;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.outbound.ProviderCalls;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * External games for {@code GET /games/list}, from a per-node snapshot of {@code provider_game} and {@code provider}
 * refreshed at most every {@code hub.providers.lobby-cache-ttl} (default 5 s) and dropped at once by a sync or an
 * operator change on this node. Entry id {@code <providerId>:<gameCode>} (the id {@code POST /games/{gameId}/launch}
 * takes), {@code provider} = the provider id, {@code type} = its category. A disabled game is not listed; a game is
 * listed with {@code available:false} while its provider is disabled or the provider's circuit breaker is open
 * (read live, not cached). Only providers playing the currency are listed; limits come from the game's entry for
 * that currency (absent when the provider gave none). A game its provider delisted (a sync no longer returned it) is
 * not listed either, until a sync lists it again.
 */
@Component
public class ExternalGameCatalogue implements ExternalGames {
    private final ProviderGames games;
    private final ProviderRegistry registry;
    private final ProviderCalls calls;
    private final long ttlNanos;
    private volatile Snapshot snapshot;

    private record Snapshot(List<ProviderGame> games, Map<String, ProviderConfig> providers, long loadedAt) {
    }

    public ExternalGameCatalogue(ProviderGames games, ProviderRegistry registry, ProviderCalls calls,
                                 @Value("${hub.providers.lobby-cache-ttl:5s}") Duration ttl) {
        this.games = games;
        this.registry = registry;
        this.calls = calls;
        this.ttlNanos = ttl.toNanos();
    }

    /** Drops the snapshot (after a sync or an operator change). */
    public void invalidate() {
        snapshot = null;
    }

    @Override
    public List<GameCatalogue.GameEntry> list(String currency) {
        Snapshot s = current();
        List<GameCatalogue.GameEntry> out = new ArrayList<>();
        for (ProviderGame g : s.games()) {
            ProviderConfig p = s.providers().get(g.providerId());
            if (p == null || !p.currencies().contains(currency)) continue;
            ProviderGame.Limits l = g.limits().get(currency);
            boolean available = p.enabled() && !calls.breakerOpen(p.id());
            out.add(new GameCatalogue.GameEntry(g.providerId() + ":" + g.gameId(), g.name(), g.providerId(), g.category(),
                    l == null ? null : l.minBet(), l == null ? null : l.maxBet(), currency,
                    g.rtp() == null ? null : g.rtp().setScale(4, RoundingMode.HALF_EVEN).toPlainString(), g.volatility(), available));
        }
        return out;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.loadedAt() > ttlNanos) {
            s = new Snapshot(games.allPlayable(), registry.list().stream().collect(Collectors.toMap(ProviderConfig::id, Function.identity())), now);
            snapshot = s;
        }
        return s;
    }
}
