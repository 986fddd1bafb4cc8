package io.hub.app.games;

import java.util.List;

/**
 * Games of external providers, listed by {@code GET /games/list} after the in-house games. Implemented by the
 * providers module (which may depend on games, not the other way round).
 */
public interface ExternalGames {
    /** The lobby entries playable in {@code currency}, in the same shape as the in-house ones. */
    List<GameCatalogue.GameEntry> list(String currency);
}
