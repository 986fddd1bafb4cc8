package io.hub.app.games;

import io.hub.app.auth.CurrentUser;
import io.hub.app.player.User;
import io.hub.contracts.money.CurrencyUnit;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /games/list} (seed §4.2). */
@RestController
public class GamesController {
    private final GameCatalogue catalogue;
    private final CurrentUser current;
    private final org.springframework.beans.factory.ObjectProvider<ExternalGames> external;

    public GamesController(GameCatalogue catalogue, CurrentUser current,
                           org.springframework.beans.factory.ObjectProvider<ExternalGames> external) {
        this.catalogue = catalogue;
        this.current = current;
        this.external = external;
    }

    /**
     * The games with metadata, limits in the player's wallet currency (or {@code currency} for an operator;
     * default EUR). A JSON array of {@link GameCatalogue.GameEntry}.
     */
    @GetMapping("/games/list")
    public List<GameCatalogue.GameEntry> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String currency) {
        User user = current.of(jwt);
        String cur = user.currency() != null ? user.currency() : CurrencyUnit.of(currency == null ? "EUR" : currency).code();
        List<GameCatalogue.GameEntry> all = new java.util.ArrayList<>(catalogue.list(cur));
        external.orderedStream().forEach(x -> all.addAll(x.list(cur)));   // external providers' games (issue 3)
        return all;
    }
}
